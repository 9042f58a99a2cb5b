using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Tables.Web.Data;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Live;
using Tables.Web.Features.Tables;

namespace Tables.Web.Features.Forums;

/// <summary>
/// The topics of a live forum. Each carries its whole state, so a message says what changed without anyone asking
/// again: <c>forum:{id}</c> (status, agenda, current step, ballots — phones get it as <c>ForumChanged</c>),
/// <c>ideas:{forumId}</c> (the wall and the console), <c>participants:{forumId}</c> (counts), <c>ballot:{id}</c>
/// (live figures — phones get them as <c>ResultsChanged</c>). The staff view adds what only facilitation sees: draft
/// ballots, hidden ideas, counts by group, the provisional result of a ballot the room may not see yet.
/// </summary>
public static class ForumTopics
{
    public static Topic Forum(int forumId) => new("forum", forumId);
    public static Topic Ideas(int forumId) => new("ideas", forumId);
    public static Topic Participants(int forumId) => new("participants", forumId);
    public static Topic Ballot(int ballotId) => new("ballot", ballotId);

    public static void AddForumTopics(this IServiceCollection services)
    {
        services.AddLiveTopic<ForumStateSource>();
        services.AddLiveTopic<IdeasSource>();
        services.AddLiveTopic<ParticipantsSource>();
        services.AddLiveTopic<BallotFigures>();
        // LiveForum reads the same sources for a joining phone's snapshot.
        services.AddScoped(sp => sp.GetServices<ILiveTopicSource>().OfType<ForumStateSource>().Single());
        services.AddScoped(sp => sp.GetServices<ILiveTopicSource>().OfType<BallotFigures>().Single());
    }
}

/// <summary>The forum itself: <see cref="ForumState"/>; the public view lists the ballots put to the room (not drafts).</summary>
public sealed class ForumStateSource(TablesDbContext db, ForumDirectory directory, IHubContext<ForumHub, IForumClient> phones) : ILiveTopicSource
{
    public string Kind => "forum";

    public Task<int?> TableOfAsync(int id, CancellationToken ct) => directory.TableOfForumAsync(id, ct);

    public string PolicyFor(LiveView view) => view == LiveView.Public ? TablePolicies.Read : TablePolicies.Facilitate;

    public async Task<LiveState?> ReadAsync(int id, CancellationToken ct)
    {
        var version = await db.ReadAsync(ForumTopics.Forum(id), ct);
        var forum = await db.Forums.AsNoTracking().Include(f => f.Activities).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (forum is null)
        {
            return null;
        }
        var ballots = await db.Ballots.AsNoTracking().Where(b => b.ForumId == id).OrderBy(b => b.Id).ToListAsync(ct);
        var staff = new ForumState(forum.Id, forum.Title, forum.StartsAt, forum.Place, forum.Status, forum.JoinCode, forum.Groups, forum.CurrentActivityId,
            forum.Activities.OrderBy(a => a.Order).Select(a => new ActivityView(a.Id, a.Order, a.Kind, a.Title, a.BallotId)).ToList(),
            ballots.Select(BallotView.Of).ToList(), version);
        return new LiveState(version, staff with { Ballots = staff.Ballots.Where(b => b.Status != BallotStatus.Draft).ToList() }, staff);
    }

    public Task DeliverAsync(Topic topic, LiveState state, CancellationToken ct) =>
        phones.Clients.Group(ForumHub.Group(topic.Id)).ForumChanged((ForumState)state.Public!);
}

/// <summary>The forum's ideas: the public view has those shown to the room, the staff view all of them.</summary>
public sealed class IdeasSource(TablesDbContext db, ForumDirectory directory) : ILiveTopicSource
{
    public string Kind => "ideas";

    public Task<int?> TableOfAsync(int id, CancellationToken ct) => directory.TableOfForumAsync(id, ct);

    public string PolicyFor(LiveView view) => view == LiveView.Public ? TablePolicies.Read : TablePolicies.Facilitate;

    public async Task<LiveState?> ReadAsync(int id, CancellationToken ct)
    {
        var version = await db.ReadAsync(ForumTopics.Ideas(id), ct);
        var ideas = await db.Ideas.AsNoTracking().Where(i => i.ForumId == id).OrderBy(i => i.Id)
            .Select(i => new IdeaItem(i.Id, i.Text, i.Theme, i.Hidden, i.MergedIntoId, i.FromPaper)).ToListAsync(ct);
        return new LiveState(version, new IdeaList([.. ideas.Where(i => i.Shown)], version), new IdeaList(ideas, version));
    }
}

/// <summary>How many joined: the total for the room, by declared group for the staff.</summary>
public sealed class ParticipantsSource(TablesDbContext db, ForumDirectory directory) : ILiveTopicSource
{
    public string Kind => "participants";

    public Task<int?> TableOfAsync(int id, CancellationToken ct) => directory.TableOfForumAsync(id, ct);

    public string PolicyFor(LiveView view) => view == LiveView.Public ? TablePolicies.Read : TablePolicies.Facilitate;

    public async Task<LiveState?> ReadAsync(int id, CancellationToken ct)
    {
        var version = await db.ReadAsync(ForumTopics.Participants(id), ct);
        var byGroup = await db.Participants.Where(p => p.ForumId == id).GroupBy(p => p.Group ?? "")
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var total = byGroup.Values.Sum();
        return new LiveState(version, new ParticipantCount(total, new Dictionary<string, int>(), version), new ParticipantCount(total, byGroup, version));
    }
}

/// <summary>
/// Live figures of a ballot, counted once per update: the room's view has the result only when it may be shown (the
/// stored one once closed); the staff view has the provisional count of an open ballot even while the room does not.
/// </summary>
public sealed class BallotFigures(TablesDbContext db, ForumDirectory directory, IBallotCounter counter, IHubContext<ForumHub, IForumClient> phones) : ILiveTopicSource
{
    public string Kind => "ballot";

    public Task<int?> TableOfAsync(int id, CancellationToken ct) => directory.TableOfBallotAsync(id, ct);

    public string PolicyFor(LiveView view) => view == LiveView.Public ? TablePolicies.Read : TablePolicies.Facilitate;

    public async Task<LiveState?> ReadAsync(int id, CancellationToken ct)
    {
        var version = await db.ReadAsync(ForumTopics.Ballot(id), ct);
        var ballot = await db.Ballots.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        return ballot is null ? null : await ReadAsync(ballot, version, ct);
    }

    /// <summary>The figures of a ballot already read, at <paramref name="version"/>.</summary>
    public async Task<LiveState> ReadAsync(Ballot ballot, long version, CancellationToken ct)
    {
        var stored = await db.Votes.AsNoTracking().Where(v => v.BallotId == ballot.Id).ToListAsync(ct);
        var participants = await db.Participants.CountAsync(p => p.ForumId == ballot.ForumId, ct);
        BallotResult? staffResult = ballot.ResultJson is not null
            ? System.Text.Json.JsonSerializer.Deserialize<BallotResult>(ballot.ResultJson, TablesJson.Options)
            : ballot.Status == BallotStatus.Open ? counter.Count(ballot, stored, seed: 0, final: false) : null;
        var staff = new BallotResults(ballot.Id, version, stored.Count, stored.Count(v => v.IsPaper), stored.Count(v => v.Content.IsBlank), participants,
            stored.GroupBy(v => v.Group ?? "").ToDictionary(g => g.Key, g => g.Count()), staffResult) { ForumId = ballot.ForumId };
        return new LiveState(version, staff with { Result = ballot.ResultsVisible ? staffResult : null }, staff);
    }

    public Task DeliverAsync(Topic topic, LiveState state, CancellationToken ct)
    {
        var results = (BallotResults)state.Public!;
        return phones.Clients.Group(ForumHub.Group(results.ForumId)).ResultsChanged(results);
    }
}
