using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tables.Web.Data;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Live;
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
    ForumWriter votes,
    LiveUpdates live,
    ForumStateSource forums,
    BallotFigures figures,
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

    /// <summary>
    /// The forum as a participant sees it (their own ideas and ballots marked) or, with <paramref name="participantId"/>
    /// null, as the public does. The forum's state and each ballot's figures are those last sent to the room when still
    /// current (their topic's version has not moved since) — what a phone joining or reconnecting needs, without reading
    /// and re-counting every stored vote for each of 2,000 phones — and read afresh otherwise.
    /// </summary>
    public async Task<ForumSnapshot> SnapshotAsync(int forumId, int? participantId, CancellationToken ct = default)
    {
        var forumTopic = ForumTopics.Forum(forumId);
        var state = live.Recent(forumTopic, LiveView.Public, await db.ReadAsync(forumTopic, ct))?.Data as ForumState
            ?? (ForumState)(await forums.ReadAsync(forumId, ct) ?? throw new ForumException(text["Forum.UnknownCode"])).Public!;
        var ballotTopics = state.Ballots.Select(b => ForumTopics.Ballot(b.Id)).ToList();
        var versions = await db.ReadAsync(ballotTopics, ct);
        var mine = participantId is null
            ? []
            : await db.Votes.AsNoTracking().Where(v => v.ParticipantId == participantId).ToDictionaryAsync(v => v.BallotId, v => v.Content, ct);
        var views = new List<BallotView>();
        foreach (var ballot in state.Ballots)
        {
            var topic = ForumTopics.Ballot(ballot.Id);
            var results = live.Recent(topic, LiveView.Public, versions[topic])?.Data as BallotResults
                ?? (BallotResults)(await figures.ReadAsync(ballot.Id, ct))!.Public!;
            views.Add(ballot with { MyVote = mine.GetValueOrDefault(ballot.Id), Results = results });
        }
        // A participant sees their own ideas (the phone shows no one else's); the public, those shown to the room.
        var ideas = await db.Ideas.AsNoTracking()
            .Where(i => i.ForumId == forumId && !i.Hidden && i.MergedIntoId == null && (participantId == null || i.ParticipantId == participantId))
            .OrderBy(i => i.Id).ToListAsync(ct);
        var participants = await db.Participants.CountAsync(p => p.ForumId == forumId, ct);
        return new ForumSnapshot(state.ForumId, state.Title, state.Status, state.JoinCode, state.Groups, state.CurrentActivityId, state.Agenda,
            ideas.Select(i => ToView(i, participantId)).ToList(), participants, views, state.Version);
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
