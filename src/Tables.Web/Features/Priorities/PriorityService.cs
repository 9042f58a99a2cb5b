using System.Security.Claims;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tables.Web.Data;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Tables;
using Tables.Web.Resources;

namespace Tables.Web.Features.Priorities;

/// <summary>Where a priority came from: the ballot (and its forum) whose option it was, and the idea behind the option.</summary>
public sealed record PriorityOrigin(int BallotId, string Question, int ForumId, string ForumTitle, string? OptionToken, int? IdeaId);

/// <summary>A priority of a cycle as screens and the API show it.</summary>
public sealed record PriorityItem(int Id, string Title, int Order, PriorityOrigin? From);

/// <summary>
/// A cycle's priorities: listed with the ballot each came from, and promoted from a closed ballot's options. Callers pass
/// a <see cref="TableAccess"/> already checked (read to list, facilitate to promote).
/// </summary>
public sealed class PriorityService(TablesDbContext db, IStringLocalizer<UiText> text)
{
    public async Task<List<PriorityItem>> ListAsync(TableAccess access, int cycleId, CancellationToken ct = default)
    {
        var priorities = await db.Priorities.AsNoTracking().Where(p => p.CycleId == cycleId && p.TableId == access.Table.Id)
            .OrderBy(p => p.Order).ThenBy(p => p.Id).ToListAsync(ct);
        var ballotIds = priorities.Select(p => p.BallotId).OfType<int>().Distinct().ToList();
        var ballots = await db.Ballots.AsNoTracking().Where(b => ballotIds.Contains(b.Id) && b.TableId == access.Table.Id).ToDictionaryAsync(b => b.Id, ct);
        var forumIds = ballots.Values.Select(b => b.ForumId).Distinct().ToList();
        var forums = await db.Forums.AsNoTracking().Where(f => forumIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Title, ct);
        return priorities.Select(p => new PriorityItem(p.Id, p.Title, p.Order,
            p.BallotId is { } id && ballots.TryGetValue(id, out var b)
                ? new PriorityOrigin(b.Id, b.Question, b.ForumId, forums.GetValueOrDefault(b.ForumId, ""), p.OptionToken,
                    b.Options.FirstOrDefault(o => o.Token == p.OptionToken)?.IdeaId)
                : null)).ToList();
    }

    /// <summary>Tokens of the options already promoted from a ballot (the console shows them as done).</summary>
    public async Task<HashSet<string>> PromotedAsync(TableAccess access, int ballotId, CancellationToken ct = default) =>
        (await db.Priorities.AsNoTracking().Where(p => p.BallotId == ballotId && p.TableId == access.Table.Id && p.OptionToken != null)
            .Select(p => p.OptionToken!).ToListAsync(ct)).ToHashSet();

    /// <summary>
    /// Makes chosen options of a closed ballot priorities of its forum's cycle, after the cycle's last one and in the order
    /// given; an option already a priority of the cycle (same title) is skipped. Returns the priorities added.
    /// </summary>
    public async Task<List<Priority>> PromoteAsync(TableAccess access, ClaimsPrincipal user, int ballotId, IReadOnlyList<string>? tokens, CancellationToken ct = default)
    {
        if (tokens is null || tokens.Any(t => t is null))
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
        var titles = (await db.Priorities.Where(p => p.CycleId == forum.CycleId).Select(p => p.Title).ToListAsync(ct)).ToHashSet(StringComparer.CurrentCultureIgnoreCase);
        var priorities = new List<Priority>();
        foreach (var token in tokens.Distinct())
        {
            var option = ballot.Options.FirstOrDefault(o => o.Token == token) ?? throw new ForumException(text["Ballot.UnknownOption", token]);
            if (!titles.Add(option.Label))
            {
                continue;
            }
            var priority = new Priority
            {
                TableId = access.Table.Id, CycleId = forum.CycleId, Title = option.Label, Order = ++order, BallotId = ballot.Id, OptionToken = option.Token,
            };
            db.Priorities.Add(priority);
            priorities.Add(priority);
        }
        await db.SaveChangesAsync(user.ToActor(), ct);
        return priorities;
    }
}
