using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tables.Web.Data;
using Tables.Web.Features.Ballots;
using Tables.Web.Resources;

namespace Tables.Web.Features.Forums;

/// <summary>
/// What participants do in a live forum (join, resume, propose an idea, vote) and the snapshots every screen reads.
/// Refusals are <see cref="ForumException"/>s with a localized message; nothing is stored when one is thrown.
/// </summary>
public sealed class LiveForum(
    TablesDbContext db,
    TableScope scope,
    ForumDirectory directory,
    VoteWriter votes,
    ForumBroadcaster broadcaster,
    IBallotCounter counter,
    IValidator<JoinRequest> joinValidator,
    IValidator<IdeaRequest> ideaValidator,
    IValidator<CastRequest> castValidator,
    IStringLocalizer<UiText> text,
    TimeProvider clock,
    LiveCache cache)
{
    /// <summary>Joins by code, or resumes the participant whose token the phone kept.</summary>
    public async Task<JoinResult> JoinAsync(JoinRequest request, CancellationToken ct = default)
    {
        await ValidateAsync(joinValidator, request, ct);
        var code = JoinCodes.Normalize(request.Code);
        var forum = await directory.FindByCodeAsync(code, ct) ?? throw new ForumException(text["Forum.UnknownCode"]);
        // The code chose the table: the rest of the call (and the connection's later calls) run in its scope.
        if (scope.TableId is { } current && current != forum.TableId)
        {
            throw new ForumException(text["Forum.UnknownCode"]);
        }
        scope.Enter(forum.TableId);
        Participant? participant = null;
        if (!string.IsNullOrEmpty(request.Token))
        {
            participant = await db.Participants.FirstOrDefaultAsync(p => p.Token == request.Token && p.ForumId == forum.Id, ct);
        }
        if (participant is null)
        {
            if (forum.Status != ForumStatus.Open)
            {
                throw new ForumException(text[forum.Status == ForumStatus.Closed ? "Forum.Closed" : "Forum.NotOpen"]);
            }
            var group = NormalizeGroup(forum, request.Group);
            participant = new Participant
            {
                TableId = forum.TableId,
                ForumId = forum.Id,
                Token = ParticipantTokens.New(),
                DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? null : request.DisplayName.Trim(),
                Group = group,
                JoinedAt = clock.GetUtcNow().UtcDateTime,
            };
            await votes.InsertAsync(participant);
            broadcaster.MarkParticipants(forum.Id);
        }
        cache.KeepParticipant(new LiveCache.ParticipantInfo(participant.Id, participant.ForumId, participant.Group));
        return new JoinResult(participant.Token, participant.Id, participant.DisplayName, participant.Group, await SnapshotAsync(forum.Id, participant.Id, ct));
    }

    /// <summary>The participant a token names, or null.</summary>
    public Task<Participant?> FindParticipantAsync(string token, CancellationToken ct = default) =>
        db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Token == token, ct);

    public async Task<IdeaView> SubmitIdeaAsync(int participantId, IdeaRequest request, CancellationToken ct = default)
    {
        await ValidateAsync(ideaValidator, request, ct);
        var participant = await db.Participants.AsNoTracking().FirstAsync(p => p.Id == participantId, ct);
        var forum = await db.Forums.AsNoTracking().Include(f => f.Activities).FirstAsync(f => f.Id == participant.ForumId, ct);
        var existing = await db.Ideas.AsNoTracking().FirstOrDefaultAsync(i => i.ParticipantId == participantId && i.ClientMessageId == request.ClientMessageId, ct);
        if (existing is not null)
        {
            return ToView(existing, participantId);
        }
        if (forum.Status != ForumStatus.Open || forum.Activities.FirstOrDefault(a => a.Id == forum.CurrentActivityId)?.Kind != ActivityKind.Ideas)
        {
            throw new ForumException(text["Forum.IdeasClosed"]);
        }
        var idea = new Idea { TableId = forum.TableId, ForumId = forum.Id, ParticipantId = participantId, Text = request.Text.Trim(), ClientMessageId = request.ClientMessageId, CreatedAt = clock.GetUtcNow().UtcDateTime };
        await votes.InsertAsync(idea);
        broadcaster.MarkForum(forum.Id);
        return ToView(idea, participantId);
    }

    /// <summary>Validates and queues the ballot; returns once it is durably stored (or refused).</summary>
    public async Task<CastAck> CastAsync(int participantId, CastRequest request, CancellationToken ct = default)
    {
        await ValidateAsync(castValidator, request, ct);
        var participant = await cache.ParticipantAsync(participantId, async () => await db.Participants.AsNoTracking().Where(p => p.Id == participantId)
                .Select(p => new LiveCache.ParticipantInfo(p.Id, p.ForumId, p.Group)).FirstOrDefaultAsync(ct))
            ?? throw new ForumException(text["Forum.JoinFirst"]);
        var ballot = await cache.BallotAsync(request.BallotId, () => db.Ballots.AsNoTracking().FirstOrDefaultAsync(b => b.Id == request.BallotId, ct));
        if (ballot is null || ballot.ForumId != participant.ForumId)
        {
            throw new ForumException(text["Ballot.Unknown"]);
        }
        if (ballot.Status != BallotStatus.Open)
        {
            throw new ForumException(text["Ballot.NotOpen"]);
        }
        if (counter.Validate(ballot, request.Content) is { } problem)
        {
            throw new ForumException(problem);
        }
        var outcome = await votes.CastAsync(ballot.TableId, ballot.Id, participantId, participant.Group, request.Content, request.ClientMessageId);
        return outcome == VoteOutcome.NotOpen
            ? throw new ForumException(text["Ballot.NotOpen"])
            : new CastAck(ballot.Id, outcome, request.ClientMessageId);
    }

    /// <summary>The forum as a participant (their own ideas and ballots marked) or the public (<paramref name="participantId"/> null) sees it.</summary>
    /// <param name="withResults">False for the coalesced broadcasts: live figures travel apart in ResultsChanged.</param>
    public async Task<ForumSnapshot> SnapshotAsync(int forumId, int? participantId, CancellationToken ct = default, bool withResults = true)
    {
        var forum = await db.Forums.AsNoTracking().Include(f => f.Activities).FirstAsync(f => f.Id == forumId, ct);
        var ideas = await db.Ideas.AsNoTracking().Where(i => i.ForumId == forumId && !i.Hidden && i.MergedIntoId == null).OrderBy(i => i.Id).ToListAsync(ct);
        var participants = await db.Participants.CountAsync(p => p.ForumId == forumId, ct);
        var ballots = await db.Ballots.AsNoTracking().Where(b => b.ForumId == forumId && b.Status != BallotStatus.Draft).OrderBy(b => b.Id).ToListAsync(ct);
        var mine = participantId is null
            ? []
            : await db.Votes.AsNoTracking().Where(v => v.ParticipantId == participantId).ToDictionaryAsync(v => v.BallotId, v => v.Content, ct);
        var views = new List<BallotView>();
        foreach (var b in ballots)
        {
            views.Add(new BallotView(b.Id, b.Question, b.Method, b.Settings, b.Options.Select(o => new OptionView(o.Token, o.Label)).ToList(), b.Status,
                b.Secret, b.Visibility, b.ResultsVisible, mine.GetValueOrDefault(b.Id), withResults ? await RecentResultsAsync(b, ct) : null));
        }
        return new ForumSnapshot(forum.Id, forum.Title, forum.Status, forum.JoinCode, forum.Groups, forum.CurrentActivityId,
            forum.Activities.OrderBy(a => a.Order).Select(a => new ActivityView(a.Id, a.Order, a.Kind, a.Title, a.BallotId)).ToList(),
            ideas.Select(i => ToView(i, participantId)).ToList(), participants, views, ForumBroadcaster.NextVersion());
    }

    /// <summary>
    /// The figures last sent to the room for an open ballot (at most a second old) — what a phone joining or reconnecting
    /// needs, without re-counting every stored vote for each of 2,000 phones; computed when none is kept.
    /// </summary>
    private async Task<BallotResults> RecentResultsAsync(Ballot ballot, CancellationToken ct) =>
        ballot.Status == BallotStatus.Open && cache.Results(ballot.Id) is { } recent ? recent : await ResultsAsync(ballot, ct);

    /// <summary>Live figures of a ballot; the result itself only when it may be shown (the stored one once closed).</summary>
    /// <param name="facilitation">
    /// The facilitation's view: the provisional count of an open ballot even while the room may not see it. Never kept
    /// for the room.
    /// </param>
    public async Task<BallotResults> ResultsAsync(Ballot ballot, CancellationToken ct = default, bool facilitation = false)
    {
        var stamp = cache.WriteStamp(ballot.Id);
        var stored = await db.Votes.AsNoTracking().Where(v => v.BallotId == ballot.Id).ToListAsync(ct);
        var participants = await db.Participants.CountAsync(p => p.ForumId == ballot.ForumId, ct);
        BallotResult? result = null;
        if (ballot.ResultsVisible || (facilitation && ballot.Status == BallotStatus.Open))
        {
            result = ballot.ResultJson is not null
                ? System.Text.Json.JsonSerializer.Deserialize<BallotResult>(ballot.ResultJson, ResultJson.Options)
                : counter.Count(ballot, stored, seed: 0, final: false);
        }
        var results = new BallotResults(ballot.Id, ForumBroadcaster.NextVersion(), stored.Count, stored.Count(v => v.IsPaper), stored.Count(v => v.Content.IsBlank), participants,
            stored.GroupBy(v => v.Group ?? "").ToDictionary(g => g.Key, g => g.Count()), result);
        if (!facilitation)
        {
            cache.KeepResults(results, stamp);
        }
        return results;
    }

    private string? NormalizeGroup(Forum forum, string? group)
    {
        if (string.IsNullOrWhiteSpace(group))
        {
            return null;
        }
        return forum.Groups.FirstOrDefault(g => string.Equals(g, group.Trim(), StringComparison.CurrentCultureIgnoreCase))
            ?? throw new ForumException(text["Forum.UnknownGroup"]);
    }

    private static IdeaView ToView(Idea idea, int? participantId) =>
        new(idea.Id, idea.Text, idea.Theme, participantId is not null && idea.ParticipantId == participantId, idea.FromPaper);

    private async Task ValidateAsync<T>(IValidator<T> validator, T request, CancellationToken ct)
    {
        if (request is null)
        {
            throw new ForumException(text["Forum.Malformed"]);
        }
        var result = await validator.ValidateAsync(request, ct);
        if (!result.IsValid)
        {
            throw new ForumException(string.Join(" ", result.Errors.Select(e => e.ErrorMessage)));
        }
    }
}

/// <summary>How results are stored as JSON (at close) and read back.</summary>
public static class ResultJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
