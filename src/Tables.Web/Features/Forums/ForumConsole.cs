using System.Security.Claims;
using System.Security.Cryptography;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tables.Web.Data;
using Tables.Web.Data.Auditing;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Tables;
using Tables.Web.Resources;

namespace Tables.Web.Features.Forums;

/// <summary>
/// What facilitators do (the console, the hub's facilitator methods and the API share it): create, open and close a
/// forum, drive the agenda and the wall, open, close and reveal ballots, type paper ballots (setting a ballot up is the
/// Ballots slice's <see cref="BallotService"/>, ideas are <see cref="IdeaModeration"/>'s, promotion the Priorities slice's).
/// Callers pass a <see cref="TableAccess"/> already checked with <see cref="TablePolicies.Facilitate"/>.
/// </summary>
public sealed class ForumConsole(
    TablesDbContext db,
    ForumDirectory directory,
    ForumWriter votes,
    IBallotCounter counter,
    IValidator<ForumCreate> forumValidator,
    IStringLocalizer<UiText> text,
    TimeProvider clock)
{
    public Task<List<Forum>> ListAsync(TableAccess access, CancellationToken ct = default) =>
        db.Forums.AsNoTracking().Where(f => f.TableId == access.Table.Id).OrderByDescending(f => f.StartsAt).ToListAsync(ct);

    public async Task<Forum> FindAsync(TableAccess access, int forumId, CancellationToken ct = default) =>
        await db.Forums.Include(f => f.Activities).FirstOrDefaultAsync(f => f.Id == forumId && f.TableId == access.Table.Id, ct) ?? throw new NotFoundException();

    public async Task<Forum> CreateAsync(TableAccess access, ClaimsPrincipal user, ForumCreate create, CancellationToken ct = default)
    {
        await forumValidator.ValidateAndThrowAsync(create, ct);
        if (!await db.Cycles.AnyAsync(c => c.Id == create.CycleId && c.TableId == access.Table.Id, ct))
        {
            throw new ValidationException([new ValidationFailure(nameof(ForumCreate.CycleId), text["Forum.UnknownCycle"])]);
        }
        var forum = new Forum
        {
            TableId = access.Table.Id,
            CycleId = create.CycleId,
            Title = create.Title.Trim(),
            StartsAt = create.StartsAt!.Value,
            Place = create.Place?.Trim() ?? "",
            JoinCode = await FreeJoinCodeAsync(ct),
            Status = ForumStatus.Draft,
            Groups = create.Groups.Select(g => g.Trim()).Where(g => g.Length > 0).Distinct().ToList(),
            Activities = create.Agenda.Select((a, i) => new ForumActivity { TableId = access.Table.Id, Order = i + 1, Kind = a.Kind, Title = a.Title?.Trim() is { Length: > 0 } t ? t : text[$"Activity.{a.Kind}"] }).ToList(),
        };
        db.Forums.Add(forum);
        await db.SaveChangesAsync(user.ToActor(), ct);
        return forum;
    }

    public Task OpenAsync(TableAccess access, ClaimsPrincipal user, int forumId, CancellationToken ct = default) =>
        ChangeForumAsync(access, user, forumId, f =>
        {
            f.Status = ForumStatus.Open;
            f.CurrentActivityId ??= f.Activities.OrderBy(a => a.Order).FirstOrDefault()?.Id;
        }, ct);

    /// <summary>
    /// Closes the forum and, in the same turn of the forum's writer (one transaction), every ballot still open: each is
    /// counted once with its published seed, like <see cref="CloseBallotAsync"/>. From then on the forum takes no vote,
    /// idea, paper entry or new ballot. Returns the ballots it closed.
    /// </summary>
    public async Task<IReadOnlyList<int>> CloseAsync(TableAccess access, ClaimsPrincipal user, int forumId, CancellationToken ct = default)
    {
        var forum = await FindAsync(access, forumId, ct);
        if (forum.Status == ForumStatus.Closed)
        {
            return [];
        }
        var actor = user.ToActor();
        var closed = await votes.InTurnAsync(async writerDb =>
        {
            var f = await writerDb.Forums.FirstAsync(x => x.Id == forum.Id);
            var open = await writerDb.Ballots.Where(b => b.ForumId == forum.Id && b.Status == BallotStatus.Open).ToListAsync();
            foreach (var ballot in open)
            {
                await CountAndCloseAsync(writerDb, ballot);
            }
            f.Status = ForumStatus.Closed;
            // The wall goes to the closing view: every result, one per screen.
            f.WallBallotId = null;
            await writerDb.SaveChangesAsync(actor);
            return open.Select(b => b.Id).ToList();
        });
        // The writer changed these rows behind this context's back: forget what it tracks so the next read sees them.
        db.ChangeTracker.Clear();
        return closed;
    }

    /// <summary>Moves every phone and the wall to an activity of the agenda (the wall's pinned ballot gives way to it).</summary>
    public Task SetActivityAsync(TableAccess access, ClaimsPrincipal user, int forumId, int activityId, CancellationToken ct = default) =>
        ChangeForumAsync(access, user, forumId, f =>
        {
            NotClosed(f.Status);
            if (f.Activities.All(a => a.Id != activityId))
            {
                throw new ForumException(text["Forum.UnknownActivity"]);
            }
            f.CurrentActivityId = activityId;
            f.WallBallotId = null;
        }, ct);

    /// <summary>
    /// Puts one ballot on the wall (its options while open, its result once shown) until the agenda moves on, or gives
    /// the wall back to the current activity with null.
    /// </summary>
    public async Task ShowOnWallAsync(TableAccess access, ClaimsPrincipal user, int forumId, int? ballotId, CancellationToken ct = default)
    {
        if (ballotId is { } id && !await db.Ballots.AnyAsync(b => b.Id == id && b.ForumId == forumId && b.TableId == access.Table.Id && b.Status != BallotStatus.Draft, ct))
        {
            throw new ForumException(text["Ballot.Unknown"]);
        }
        await ChangeForumAsync(access, user, forumId, f => f.WallBallotId = ballotId, ct);
    }

    /// <summary>How many joined, by declared group ("" for none).</summary>
    public Task<Dictionary<string, int>> ParticipantsByGroupAsync(int forumId, CancellationToken ct = default) =>
        db.Participants.Where(p => p.ForumId == forumId).GroupBy(p => p.Group ?? "").Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    public Task<List<Ballot>> BallotsAsync(int forumId, CancellationToken ct = default) =>
        db.Ballots.AsNoTracking().Where(b => b.ForumId == forumId).OrderBy(b => b.Id).ToListAsync(ct);

    public Task OpenBallotAsync(TableAccess access, ClaimsPrincipal user, int ballotId, CancellationToken ct = default) =>
        ChangeBallotAsync(access, user, ballotId, async b =>
        {
            if (b.Status != BallotStatus.Draft)
            {
                throw new ForumException(text["Ballot.NotDraft"]);
            }
            var status = await db.Forums.Where(f => f.Id == b.ForumId).Select(f => f.Status).FirstAsync(ct);
            NotClosed(status);
            if (status != ForumStatus.Open)
            {
                throw new ForumException(text["Forum.OpenFirst"]);
            }
            b.Status = BallotStatus.Open;
            b.OpenedAt = clock.GetUtcNow().UtcDateTime;
        }, ct);

    public Task RevealBallotAsync(TableAccess access, ClaimsPrincipal user, int ballotId, CancellationToken ct = default) =>
        ChangeBallotAsync(access, user, ballotId, b =>
        {
            b.Revealed = true;
            return Task.CompletedTask;
        }, ct);

    /// <summary>
    /// Closes the ballot in the vote writer's turn (every acknowledged vote is in, none after), draws and publishes a
    /// seed, counts once and stores the result with its explanation; it is never recomputed. The wall shows it until the
    /// agenda moves on.
    /// </summary>
    public async Task<BallotResult> CloseBallotAsync(TableAccess access, ClaimsPrincipal user, int ballotId, CancellationToken ct = default)
    {
        var ballot = await db.Ballots.AsNoTracking().FirstOrDefaultAsync(b => b.Id == ballotId && b.TableId == access.Table.Id, ct) ?? throw new NotFoundException();
        var actor = user.ToActor();
        var result = await votes.InTurnAsync(async writerDb =>
        {
            var b = await writerDb.Ballots.FirstAsync(x => x.Id == ballot.Id);
            if (b.Status != BallotStatus.Open)
            {
                throw new ForumException(text["Ballot.NotOpen"]);
            }
            var counted = await CountAndCloseAsync(writerDb, b);
            // Its result stays on the wall until the facilitator moves the agenda on (or shows something else).
            (await writerDb.Forums.FirstAsync(f => f.Id == b.ForumId)).WallBallotId = b.Id;
            await writerDb.SaveChangesAsync(actor);
            return counted;
        });
        db.ChangeTracker.Clear();
        return result;
    }

    /// <summary>Counts the stored votes once with a freshly drawn seed and marks the ballot closed (the caller saves, in the writer's turn).</summary>
    private async Task<BallotResult> CountAndCloseAsync(TablesDbContext writerDb, Ballot ballot)
    {
        var stored = await writerDb.Votes.AsNoTracking().Where(v => v.BallotId == ballot.Id).ToListAsync();
        var seed = RandomNumberGenerator.GetInt32(int.MaxValue) * (long)RandomNumberGenerator.GetInt32(1, int.MaxValue);
        var counted = counter.Count(ballot, stored, seed, final: true);
        ballot.Status = BallotStatus.Closed;
        ballot.ClosedAt = clock.GetUtcNow().UtcDateTime;
        ballot.Seed = seed;
        ballot.ResultJson = System.Text.Json.JsonSerializer.Serialize(counted, TablesJson.Options);
        return counted;
    }

    /// <summary>Types a paper ballot: validated for its method, marked as paper, counted like the others, audited.</summary>
    public async Task<VoteOutcome> EnterPaperBallotAsync(TableAccess access, ClaimsPrincipal user, int ballotId, VoteContent content, string? group, string clientMessageId, CancellationToken ct = default)
    {
        if (content is null || string.IsNullOrEmpty(clientMessageId))
        {
            throw new ForumException(text["Forum.Malformed"]);
        }
        var ballot = await db.Ballots.AsNoTracking().FirstOrDefaultAsync(b => b.Id == ballotId && b.TableId == access.Table.Id, ct) ?? throw new NotFoundException();
        if (ballot.Status != BallotStatus.Open)
        {
            throw new ForumException(text["Ballot.NotOpen"]);
        }
        if (counter.Validate(ballot, content) is { } problem)
        {
            throw new ForumException(problem);
        }
        var forum = await db.Forums.AsNoTracking().FirstAsync(f => f.Id == ballot.ForumId, ct);
        NotClosed(forum.Status);
        if (!string.IsNullOrEmpty(group) && !forum.Groups.Contains(group))
        {
            throw new ForumException(text["Forum.UnknownGroup"]);
        }
        var outcome = await votes.CastAsync(ballot.TableId, ballot.Id, null, string.IsNullOrEmpty(group) ? null : group, content, clientMessageId, version: 0, isPaper: true);
        if (outcome == VoteOutcome.NotOpen)
        {
            throw new ForumException(text["Ballot.NotOpen"]);
        }
        if (outcome == VoteOutcome.Stored)
        {
            var actor = user.ToActor();
            db.AuditEntries.Add(new AuditEntry
            {
                TableId = access.Table.Id, ActorId = actor.UserId, ActorName = actor.Name, At = clock.GetUtcNow().UtcDateTime,
                Entity = "PaperBallot", EntityId = ballot.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Action = AuditAction.Created,
                After = System.Text.Json.JsonSerializer.Serialize(new { group, content }, TablesJson.Options),
            });
            await db.SaveChangesAsync(ct);
        }
        return outcome;
    }

    /// <summary>A closed forum takes nothing more: no vote, idea, paper entry, new ballot or agenda move.</summary>
    private void NotClosed(ForumStatus status)
    {
        if (status == ForumStatus.Closed)
        {
            throw new ForumException(text["Forum.ClosedForStaff"]);
        }
    }

    private async Task ChangeForumAsync(TableAccess access, ClaimsPrincipal user, int forumId, Action<Forum> change, CancellationToken ct)
    {
        var forum = await FindAsync(access, forumId, ct);
        change(forum);
        await db.SaveChangesAsync(user.ToActor(), ct);
    }

    private async Task ChangeBallotAsync(TableAccess access, ClaimsPrincipal user, int ballotId, Func<Ballot, Task> change, CancellationToken ct)
    {
        var ballot = await db.Ballots.FirstOrDefaultAsync(b => b.Id == ballotId && b.TableId == access.Table.Id, ct) ?? throw new NotFoundException();
        await change(ballot);
        await db.SaveChangesAsync(user.ToActor(), ct);
    }

    private async Task<string> FreeJoinCodeAsync(CancellationToken ct)
    {
        while (true)
        {
            var code = JoinCodes.New();
            if (!await directory.CodeTakenAsync(code, ct))
            {
                return code;
            }
        }
    }
}
