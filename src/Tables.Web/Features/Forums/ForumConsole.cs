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
using Tables.Web.Features.Cycles;
using Tables.Web.Features.Tables;
using Tables.Web.Resources;

namespace Tables.Web.Features.Forums;

/// <summary>
/// What facilitators do (the console, the hub's facilitator methods and the API share it): create and open a forum,
/// drive the agenda, moderate ideas, open, close and reveal ballots, type paper ballots, promote results (setting a
/// ballot up is the Ballots slice's <see cref="BallotService"/>).
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

    public Task CloseAsync(TableAccess access, ClaimsPrincipal user, int forumId, CancellationToken ct = default) =>
        ChangeForumAsync(access, user, forumId, f => f.Status = ForumStatus.Closed, ct);

    /// <summary>Moves every phone and the wall to an activity of the agenda.</summary>
    public Task SetActivityAsync(TableAccess access, ClaimsPrincipal user, int forumId, int activityId, CancellationToken ct = default) =>
        ChangeForumAsync(access, user, forumId, f =>
        {
            if (f.Activities.All(a => a.Id != activityId))
            {
                throw new ForumException(text["Forum.UnknownActivity"]);
            }
            f.CurrentActivityId = activityId;
        }, ct);

    public Task<List<Idea>> IdeasAsync(int forumId, CancellationToken ct = default) =>
        db.Ideas.AsNoTracking().Where(i => i.ForumId == forumId).OrderBy(i => i.Id).ToListAsync(ct);

    public async Task<Idea> AddPaperIdeaAsync(TableAccess access, int forumId, IdeaEdit edit, CancellationToken ct = default)
    {
        var forum = await FindAsync(access, forumId, ct);
        var idea = new Idea { TableId = forum.TableId, ForumId = forum.Id, Text = CheckIdea(edit.Text), Theme = CheckTheme(access, edit.Theme), FromPaper = true, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Ideas.Add(idea);
        await db.SaveChangesAsync(ct);
        return idea;
    }

    /// <summary>Corrects spelling or sets the theme.</summary>
    public Task EditIdeaAsync(TableAccess access, int ideaId, IdeaEdit edit, CancellationToken ct = default) =>
        edit is null ? throw new ForumException(text["Forum.Malformed"]) : ChangeIdeaAsync(access, ideaId, i =>
        {
            i.Text = CheckIdea(edit.Text);
            i.Theme = CheckTheme(access, edit.Theme);
        }, ct);

    public Task HideIdeaAsync(TableAccess access, int ideaId, bool hidden, CancellationToken ct = default) =>
        ChangeIdeaAsync(access, ideaId, i => i.Hidden = hidden, ct);

    /// <summary>Marks <paramref name="duplicateId"/> as a duplicate of <paramref name="intoId"/> (same forum).</summary>
    public async Task MergeIdeasAsync(TableAccess access, int duplicateId, int intoId, CancellationToken ct = default)
    {
        var into = await FindIdeaAsync(access, intoId, ct);
        await ChangeIdeaAsync(access, duplicateId, i =>
        {
            if (i.ForumId != into.ForumId || i.Id == into.Id || into.MergedIntoId is not null)
            {
                throw new ForumException(text["Forum.BadMerge"]);
            }
            i.MergedIntoId = into.Id;
        }, ct);
    }

    /// <summary>How many joined, by declared group ("" for none).</summary>
    public Task<Dictionary<string, int>> ParticipantsByGroupAsync(int forumId, CancellationToken ct = default) =>
        db.Participants.Where(p => p.ForumId == forumId).GroupBy(p => p.Group ?? "").Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    public Task<List<Ballot>> BallotsAsync(int forumId, CancellationToken ct = default) =>
        db.Ballots.AsNoTracking().Where(b => b.ForumId == forumId).OrderBy(b => b.Id).ToListAsync(ct);

    public Task OpenBallotAsync(TableAccess access, ClaimsPrincipal user, int ballotId, CancellationToken ct = default) =>
        ChangeBallotAsync(access, user, ballotId, b =>
        {
            if (b.Status != BallotStatus.Draft)
            {
                throw new ForumException(text["Ballot.NotDraft"]);
            }
            b.Status = BallotStatus.Open;
            b.OpenedAt = clock.GetUtcNow().UtcDateTime;
            return Task.CompletedTask;
        }, ct);

    public Task RevealBallotAsync(TableAccess access, ClaimsPrincipal user, int ballotId, CancellationToken ct = default) =>
        ChangeBallotAsync(access, user, ballotId, b =>
        {
            b.Revealed = true;
            return Task.CompletedTask;
        }, ct);

    /// <summary>
    /// Closes the ballot in the vote writer's turn (every acknowledged vote is in, none after), draws and publishes a
    /// seed, counts once and stores the result with its explanation; it is never recomputed.
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
            var stored = await writerDb.Votes.AsNoTracking().Where(v => v.BallotId == b.Id).ToListAsync();
            var seed = RandomNumberGenerator.GetInt32(int.MaxValue) * (long)RandomNumberGenerator.GetInt32(1, int.MaxValue);
            var counted = counter.Count(b, stored, seed, final: true);
            b.Status = BallotStatus.Closed;
            b.ClosedAt = clock.GetUtcNow().UtcDateTime;
            b.Seed = seed;
            b.ResultJson = System.Text.Json.JsonSerializer.Serialize(counted, TablesJson.Options);
            await writerDb.SaveChangesAsync(actor);
            return counted;
        });
        return result;
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
        if (!string.IsNullOrEmpty(group) && !forum.Groups.Contains(group))
        {
            throw new ForumException(text["Forum.UnknownGroup"]);
        }
        var outcome = await votes.CastAsync(ballot.TableId, ballot.Id, null, string.IsNullOrEmpty(group) ? null : group, content, clientMessageId, isPaper: true);
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

    /// <summary>Makes the chosen options of a closed ballot priorities of the forum's cycle, in the result's order.</summary>
    public async Task<List<Priority>> PromoteAsync(TableAccess access, ClaimsPrincipal user, int ballotId, IReadOnlyList<string>? tokens, CancellationToken ct = default)
    {
        if (tokens is null)
        {
            throw new ValidationException([new ValidationFailure("Tokens", text["Error.BadRequest"])]);
        }
        var ballot = await db.Ballots.AsNoTracking().FirstOrDefaultAsync(b => b.Id == ballotId && b.TableId == access.Table.Id, ct) ?? throw new NotFoundException();
        if (ballot.Status != BallotStatus.Closed)
        {
            throw new ForumException(text["Ballot.NotClosed"]);
        }
        var forum = await db.Forums.AsNoTracking().FirstAsync(f => f.Id == ballot.ForumId, ct);
        var order = await db.Priorities.Where(p => p.CycleId == forum.CycleId).Select(p => (int?)p.Order).MaxAsync(ct) ?? 0;
        var priorities = new List<Priority>();
        foreach (var token in tokens.Distinct())
        {
            var option = ballot.Options.FirstOrDefault(o => o.Token == token) ?? throw new ForumException(text["Ballot.UnknownOption", token]);
            if (await db.Priorities.AnyAsync(p => p.CycleId == forum.CycleId && p.Title == option.Label, ct))
            {
                continue;
            }
            var priority = new Priority { TableId = access.Table.Id, CycleId = forum.CycleId, Title = option.Label, Order = ++order, BallotId = ballot.Id };
            db.Priorities.Add(priority);
            priorities.Add(priority);
        }
        await db.SaveChangesAsync(user.ToActor(), ct);
        return priorities;
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

    private async Task<Idea> FindIdeaAsync(TableAccess access, int ideaId, CancellationToken ct) =>
        await db.Ideas.FirstOrDefaultAsync(i => i.Id == ideaId && db.Forums.Any(f => f.Id == i.ForumId && f.TableId == access.Table.Id), ct) ?? throw new NotFoundException();

    private async Task ChangeIdeaAsync(TableAccess access, int ideaId, Action<Idea> change, CancellationToken ct)
    {
        var idea = await FindIdeaAsync(access, ideaId, ct);
        change(idea);
        await db.SaveChangesAsync(ct);
    }

    private string CheckIdea(string? value) =>
        string.IsNullOrWhiteSpace(value) ? throw new ForumException(text["Forum.IdeaEmpty"])
        : value.Trim().Length > ForumRules.IdeaMax ? throw new ForumException(text["Forum.IdeaTooLong", ForumRules.IdeaMax])
        : value.Trim();

    private string? CheckTheme(TableAccess access, string? theme) =>
        string.IsNullOrWhiteSpace(theme) ? null
        : access.Table.Themes.FirstOrDefault(t => string.Equals(t, theme.Trim(), StringComparison.CurrentCultureIgnoreCase)) ?? throw new ForumException(text["Forum.UnknownTheme"]);

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
