using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tables.Voting;
using Tables.Web.Data;
using Tables.Web.Features.Forums;

namespace Tables.Web.Features.Ballots;

internal sealed class BallotConfiguration : IEntityTypeConfiguration<Ballot>
{
    public void Configure(EntityTypeBuilder<Ballot> builder)
    {
        builder.Property(b => b.Question).HasMaxLength(BallotRules.QuestionMax);
        // Stored as the method's token, as it was before the type: no data changes.
        builder.Property(b => b.Method).HasConversion(m => m.Token(), token => VotingMethods.Parse(token)).HasMaxLength(32);
        builder.Property(b => b.Settings).HasJsonConversion();
        builder.Property(b => b.Options).HasJsonConversion();
        builder.Property(b => b.Visibility).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Forum>().WithMany().HasForeignKey(b => b.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasVersion();
    }
}

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> builder)
    {
        builder.Property(v => v.Content).HasJsonConversion();
        builder.Property(v => v.Group).HasMaxLength(ForumRules.GroupMax);
        builder.Property(v => v.ClientMessageId).HasMaxLength(64);
        builder.HasOne<Ballot>().WithMany().HasForeignKey(v => v.BallotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Participant>().WithMany().HasForeignKey(v => v.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        // One ballot per participant and question; paper ballots (no participant) are not constrained.
        builder.HasIndex(v => new { v.BallotId, v.ParticipantId }).IsUnique();
    }
}
