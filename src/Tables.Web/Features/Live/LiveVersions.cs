using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tables.Web.Data;

namespace Tables.Web.Features.Live;

/// <summary>
/// The version of a topic: a counter in the database, bumped in the transaction of every change to the topic's rows
/// (<see cref="ILiveRow"/>). Every instance reads the same counter, so versions only grow, across instances too, and stay
/// small integers (JavaScript compares them exactly).
/// </summary>
public sealed class LiveTopicVersion
{
    public string Topic { get; set; } = "";
    public long Version { get; set; }
}

internal sealed class LiveTopicVersionConfiguration : IEntityTypeConfiguration<LiveTopicVersion>
{
    public void Configure(EntityTypeBuilder<LiveTopicVersion> builder)
    {
        builder.ToTable("LiveTopics");
        builder.HasKey(t => t.Topic);
        builder.Property(t => t.Topic).HasMaxLength(64);
    }
}

public static class LiveVersions
{
    /// <summary>Adds one to each topic's version, in the context's current transaction (SQLite and PostgreSQL upsert).</summary>
    public static async Task BumpAsync(this TablesDbContext db, IEnumerable<Topic> topics, CancellationToken ct)
    {
        foreach (var topic in topics.Distinct())
        {
            var name = topic.ToString();
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "LiveTopics" ("Topic", "Version") VALUES ({name}, 1) ON CONFLICT ("Topic") DO UPDATE SET "Version" = "LiveTopics"."Version" + 1""", ct);
        }
    }

    /// <summary>The current version of a topic (0 before its first change).</summary>
    public static async Task<long> ReadAsync(this TablesDbContext db, Topic topic, CancellationToken ct)
    {
        var name = topic.ToString();
        return await db.Set<LiveTopicVersion>().Where(t => t.Topic == name).Select(t => t.Version).FirstOrDefaultAsync(ct);
    }

    /// <summary>The current versions of several topics at once (0 for those never changed).</summary>
    public static async Task<Dictionary<Topic, long>> ReadAsync(this TablesDbContext db, IReadOnlyCollection<Topic> topics, CancellationToken ct)
    {
        var names = topics.Select(t => t.ToString()).ToList();
        var found = await db.Set<LiveTopicVersion>().Where(t => names.Contains(t.Topic)).ToDictionaryAsync(t => t.Topic, t => t.Version, ct);
        return topics.ToDictionary(t => t, t => found.GetValueOrDefault(t.ToString()));
    }
}
