using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Localization;
using Tables.Web.Data;
using Tables.Web.Resources;

namespace Tables.Web.Features.ActionPlan;

/// <summary>
/// A resident who left an e-mail address, with consent, to follow their idea. The address is stored encrypted (ASP.NET
/// Data Protection) and never shown to anyone: not on a page, not in an export, not in the audit (this row is not
/// audited), not in a log. <see cref="Token"/> is the secret of the one-click unsubscribe link.
/// </summary>
public sealed class IdeaFollower : ITableOwned
{
    public int Id { get; set; }
    public int TableId { get; set; }
    public int IdeaId { get; set; }
    public string EmailProtected { get; set; } = "";
    /// <summary>SHA-256 of the idea and the lower-cased address: one follow per person and idea, without keeping the address in clear.</summary>
    public string EmailHash { get; set; } = "";
    public string Token { get; set; } = "";
    /// <summary>"fr" or "en": the language the person used when following.</summary>
    public string Language { get; set; } = "fr";
    public DateTime ConsentedAt { get; set; }
    public DateTime? StoppedAt { get; set; }

    public static string Hash(int ideaId, string email) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{ideaId}:{email.Trim().ToLowerInvariant()}")));

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// One event told to one follower ("priority:12", "action:34:Done"). The unique index is what makes it once: the job
/// inserts the row before sending, so two instances (or two runs) never send the same event twice.
/// </summary>
public sealed class FollowNotice : ITableOwned
{
    public long Id { get; set; }
    public int TableId { get; set; }
    public int FollowerId { get; set; }
    public string EventKey { get; set; } = "";
    public DateTime At { get; set; }
    /// <summary>Already true when the person started following: recorded, not sent.</summary>
    public bool Known { get; set; }
}

internal sealed class IdeaFollowerConfiguration : IEntityTypeConfiguration<IdeaFollower>
{
    public void Configure(EntityTypeBuilder<IdeaFollower> builder)
    {
        builder.Property(f => f.EmailProtected).HasMaxLength(1024);
        builder.Property(f => f.EmailHash).HasMaxLength(64);
        builder.Property(f => f.Token).HasMaxLength(64);
        builder.Property(f => f.Language).HasMaxLength(8);
        builder.HasOne<Forums.Idea>().WithMany().HasForeignKey(f => f.IdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.Token).IsUnique();
        builder.HasIndex(f => new { f.IdeaId, f.EmailHash }).IsUnique();
    }
}

internal sealed class FollowNoticeConfiguration : IEntityTypeConfiguration<FollowNotice>
{
    public void Configure(EntityTypeBuilder<FollowNotice> builder)
    {
        builder.Property(n => n.EventKey).HasMaxLength(64);
        builder.HasOne<IdeaFollower>().WithMany().HasForeignKey(n => n.FollowerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.FollowerId, n.EventKey }).IsUnique();
    }
}

/// <summary>Following an idea from the phone: the forum's code, the participant's token, their idea, an address and consent.</summary>
public sealed class FollowRequest
{
    public string Code { get; set; } = "";
    public string ParticipantToken { get; set; } = "";
    public int IdeaId { get; set; }
    public string Email { get; set; } = "";
    public bool Consent { get; set; }
}

public sealed class FollowRequestValidator : AbstractValidator<FollowRequest>
{
    public FollowRequestValidator(IStringLocalizer<UiText> text)
    {
        RuleFor(f => f.Code).NotEmpty().MaximumLength(16).WithName(_ => text["Field.JoinCode"]);
        RuleFor(f => f.ParticipantToken).NotEmpty().MaximumLength(64).WithName(_ => text["Field.Participant"]);
        RuleFor(f => f.Email).NotEmpty().MaximumLength(256).EmailAddress().WithName(_ => text["Field.Email"]);
        RuleFor(f => f.Consent).Equal(true).WithMessage(_ => text["Follow.ConsentNeeded"]).WithName(_ => text["Field.Consent"]);
    }
}

/// <summary>What the idea has become that a follower may be told: one key and one sentence per event.</summary>
public sealed record FollowEvent(string Key, string Subject, string Text);
