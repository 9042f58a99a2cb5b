using Microsoft.EntityFrameworkCore;
using Tables.Web.Data;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Cycles;
using Tables.Web.Features.Forums;

namespace Tables.Web.Features.ActionPlan;

/// <summary>An idea as the public may see it: its words, theme and forum — never who proposed it.</summary>
public sealed record IdeaRef(int Id, string Text, string? Theme, int ForumId, string ForumTitle, DateTime ForumDate);

/// <summary>A ballot option an idea fed, with how it fared once the result may be shown.</summary>
public sealed record OptionRef(int BallotId, string Question, string Token, string Label, int? Rank, double? Score, bool ResultShown);

/// <summary>A priority with the objectives and actions that carry it out.</summary>
public sealed record PriorityRef(int Id, string Title, IReadOnlyList<ObjectiveRef> Objectives);

public sealed record ObjectiveRef(int Id, string Title, IReadOnlyList<ActionRef> Actions);

/// <summary>An action in a chain: status, progress and its latest journal entries (organisation only, no person).</summary>
public sealed record ActionRef(int Id, string Title, ActionStatus Status, int Progress, IReadOnlyList<JournalView> Journal);

/// <summary>
/// What became of an idea: the options it fed, the priorities they became, their objectives and actions with their
/// journal, and the actions that name it directly. <see cref="Evaluation"/> comes with the evaluation (issue #16).
/// </summary>
public sealed record IdeaChainView(IdeaRef Idea, IReadOnlyList<OptionRef> Options, IReadOnlyList<PriorityRef> Priorities,
    IReadOnlyList<ActionRef> NamedBy, string? Evaluation);

/// <summary>Where an action comes from: its priority, the ballot options behind it (with their votes) and the ideas behind those.</summary>
public sealed record ActionOrigins(int ActionId, string Title, int PriorityId, string Priority, IReadOnlyList<OptionRef> Options, IReadOnlyList<IdeaRef> Ideas);

/// <summary>
/// The chain no participation tool makes clear, from both ends: idea → ballot option (<see cref="BallotOption.IdeaId"/>,
/// a merged duplicate follows the idea it was merged into) → priority (the option it was promoted from) → objectives →
/// actions → journal; and an action → its priority → options and their votes → ideas. Public: it shows no person.
/// </summary>
public sealed class IdeaChain(TablesDbContext db)
{
    private const int JournalShown = 3;

    public async Task<IdeaChainView?> FromIdeaAsync(PlanRights rights, int ideaId, CancellationToken ct = default)
    {
        var tableId = rights.Access.Table.Id;
        var idea = await db.Ideas.AsNoTracking().FirstOrDefaultAsync(i => i.Id == ideaId && i.TableId == tableId && !i.Hidden, ct);
        if (idea is null)
        {
            return null;
        }
        var forum = await db.Forums.AsNoTracking().FirstAsync(f => f.Id == idea.ForumId, ct);
        // A duplicate merged into another idea fed what that idea fed.
        var carried = new[] { idea.Id, idea.MergedIntoId ?? idea.Id };
        var ballots = await db.Ballots.AsNoTracking().Where(b => b.TableId == tableId && b.ForumId == idea.ForumId).ToListAsync(ct);
        var options = ballots.SelectMany(b => b.Options.Where(o => o.IdeaId is { } i && carried.Contains(i)).Select(o => Option(b, o))).ToList();

        var priorities = await PrioritiesOfAsync(forum.CycleId, options, ct);
        var settings = await db.PlanSettings.AsNoTracking().FirstOrDefaultAsync(s => s.CycleId == forum.CycleId, ct) ?? new PlanSettings();
        var seePlan = PlanService.CanSee(rights, settings);
        var objectives = seePlan ? await db.Objectives.AsNoTracking().Where(o => priorities.Select(p => p.Id).Contains(o.PriorityId) && !o.Archived).OrderBy(o => o.Order).ToListAsync(ct) : [];
        var objectiveIds = objectives.Select(o => o.Id).ToList();
        var named = seePlan ? await db.ActionIdeas.AsNoTracking().Where(x => carried.Contains(x.IdeaId)).Select(x => x.ActionId).ToListAsync(ct) : [];
        var actions = await db.Actions.AsNoTracking().Where(a => (objectiveIds.Contains(a.ObjectiveId) || named.Contains(a.Id)) && !a.Archived)
            .OrderBy(a => a.Order).ToListAsync(ct);
        var journal = await JournalAsync(actions.Select(a => a.Id).ToList(), rights.Access.CanObserve, ct);
        ActionRef Ref(ActionItem a) => new(a.Id, a.Title, a.Status, a.Progress, journal.GetValueOrDefault(a.Id) ?? []);

        return new IdeaChainView(ToRef(idea, forum), options,
            priorities.Select(p => new PriorityRef(p.Id, p.Title, objectives.Where(o => o.PriorityId == p.Id)
                .Select(o => new ObjectiveRef(o.Id, o.Title, actions.Where(a => a.ObjectiveId == o.Id).Select(Ref).ToList())).ToList())).ToList(),
            // Named directly and not already shown under one of its priorities.
            actions.Where(a => named.Contains(a.Id) && !objectiveIds.Contains(a.ObjectiveId)).Select(Ref).ToList(), null);
    }

    public async Task<ActionOrigins?> FromActionAsync(PlanRights rights, int actionId, CancellationToken ct = default)
    {
        var tableId = rights.Access.Table.Id;
        var action = await db.Actions.AsNoTracking().Include(a => a.Ideas).FirstOrDefaultAsync(a => a.Id == actionId && a.TableId == tableId, ct);
        var settings = action is null ? null : await db.PlanSettings.AsNoTracking().FirstOrDefaultAsync(s => s.CycleId == action.CycleId, ct) ?? new PlanSettings();
        if (action is null || !PlanService.CanSee(rights, settings!))
        {
            return null;
        }
        var objective = await db.Objectives.AsNoTracking().FirstAsync(o => o.Id == action.ObjectiveId, ct);
        var priority = await db.Priorities.AsNoTracking().FirstAsync(p => p.Id == objective.PriorityId, ct);
        var options = new List<OptionRef>();
        var ideaIds = action.Ideas.Select(i => i.IdeaId).ToHashSet();
        if (priority.BallotId is { } ballotId && await db.Ballots.AsNoTracking().FirstOrDefaultAsync(b => b.Id == ballotId, ct) is { } ballot
            && OptionOf(priority, ballot) is { } option)
        {
            options.Add(Option(ballot, option));
            if (option.IdeaId is { } fed)
            {
                ideaIds.Add(fed);
                // Duplicates merged into the option's idea were the same idea, said by others.
                ideaIds.UnionWith(await db.Ideas.Where(i => i.MergedIntoId == fed).Select(i => i.Id).ToListAsync(ct));
            }
        }
        var ideas = await db.Ideas.AsNoTracking().Where(i => ideaIds.Contains(i.Id) && !i.Hidden).OrderBy(i => i.Id).ToListAsync(ct);
        var forumIds = ideas.Select(i => i.ForumId).Distinct().ToList();
        var forums = await db.Forums.AsNoTracking().Where(f => forumIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
        return new ActionOrigins(action.Id, action.Title, priority.Id, priority.Title, options, ideas.Select(i => ToRef(i, forums[i.ForumId])).ToList());
    }

    /// <summary>The ideas of the cycle's forums (not hidden, not merged away): named on actions, listed on the public page.</summary>
    public async Task<List<IdeaRef>> IdeasAsync(PlanRights rights, int cycleId, CancellationToken ct = default)
    {
        var forums = await db.Forums.AsNoTracking().Where(f => f.CycleId == cycleId && f.TableId == rights.Access.Table.Id).ToDictionaryAsync(f => f.Id, ct);
        var ids = forums.Keys.ToList();
        var ideas = await db.Ideas.AsNoTracking().Where(i => ids.Contains(i.ForumId) && !i.Hidden && i.MergedIntoId == null).OrderBy(i => i.Id).ToListAsync(ct);
        return ideas.Select(i => ToRef(i, forums[i.ForumId])).ToList();
    }

    /// <summary>The cycle's priorities promoted from these options (same ballot and option).</summary>
    private async Task<List<Priority>> PrioritiesOfAsync(int cycleId, IReadOnlyList<OptionRef> options, CancellationToken ct)
    {
        var ballotIds = options.Select(o => o.BallotId).Distinct().ToList();
        var candidates = await db.Priorities.AsNoTracking().Where(p => p.CycleId == cycleId && p.BallotId != null && ballotIds.Contains(p.BallotId.Value))
            .OrderBy(p => p.Order).ToListAsync(ct);
        return candidates.Where(p => options.Any(o => o.BallotId == p.BallotId && PromotedFrom(p, o.Token, o.Label))).ToList();
    }

    private static BallotOption? OptionOf(Priority priority, Ballot ballot) =>
        ballot.Options.FirstOrDefault(o => PromotedFrom(priority, o.Token, o.Label));

    /// <summary>Promotion copies the option's label into the priority's title.</summary>
    private static bool PromotedFrom(Priority priority, string token, string label) =>
        string.Equals(priority.Title, label, StringComparison.CurrentCultureIgnoreCase);

    private static OptionRef Option(Ballot ballot, BallotOption option)
    {
        int? rank = null;
        double? score = null;
        var shown = ballot.ResultsVisible && ballot.ResultJson is not null;
        if (shown && System.Text.Json.JsonSerializer.Deserialize<BallotResult>(ballot.ResultJson!, TablesJson.Options) is { } result)
        {
            var place = 1;
            foreach (var group in result.Ranking)
            {
                if (group.Contains(option.Token))
                {
                    rank = place;
                }
                place += group.Count;
            }
            score = result.Scores.TryGetValue(option.Token, out var s) ? s : null;
        }
        return new OptionRef(ballot.Id, ballot.Question, option.Token, option.Label, rank, score, shown);
    }

    private static IdeaRef ToRef(Idea idea, Forum forum) => new(idea.Id, idea.Text, idea.Theme, forum.Id, forum.Title, forum.StartsAt);

    private async Task<Dictionary<int, IReadOnlyList<JournalView>>> JournalAsync(IReadOnlyList<int> actionIds, bool member, CancellationToken ct)
    {
        var entries = await db.Journal.AsNoTracking().Where(j => actionIds.Contains(j.ActionId)).OrderByDescending(j => j.On).ThenByDescending(j => j.Id).ToListAsync(ct);
        return entries.GroupBy(j => j.ActionId).ToDictionary(g => g.Key, g => (IReadOnlyList<JournalView>)g.Take(JournalShown).Select(j => PlanService.ToView(j, member)).ToList());
    }
}
