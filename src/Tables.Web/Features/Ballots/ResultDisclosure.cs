using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Tables.Reports.Models;
using Tables.Voting;
using Tables.Web.Features.Forums;

namespace Tables.Web.Features.Ballots;

/// <summary>Results of ballots (section <c>Ballots</c>), checked at start.</summary>
public sealed class BallotsOptions
{
    /// <summary>
    /// The fewest ballots a participant group shows on its own in a breakdown by group; smaller groups are folded into
    /// « autres » (<see cref="ResultDisclosure"/>). 1 shows every group.
    /// </summary>
    [Range(1, 1000)]
    public int MinGroupSize { get; set; } = 5;
}

/// <summary>
/// What of a ballot's result may be shown by participant group, to anyone — the one place that decides it, used by the
/// count at close (the stored result), the live figures (hub and screens), <c>result.json</c>, the ballot exports and
/// the report models. The rules:
/// <list type="bullet">
/// <item>A <b>secret</b> ballot never shows choices by group: it is counted without groups and a stored result loses its
/// <c>byGroup</c> when read. Its turnout by group may be shown.</item>
/// <item>Any breakdown by group (choices of a named ballot, exported lines, turnout) shows a group on its own only when
/// it has at least <see cref="BallotsOptions.MinGroupSize"/> ballots; smaller groups are folded into « autres »
/// (<see cref="Others"/>), with the ballots of no group. When « autres » would still be small, the smallest groups
/// join it; when even that cannot make it large enough, there is no breakdown at all. So no part of a breakdown —
/// nor the total minus the parts shown — covers fewer than that many ballots.</item>
/// </list>
/// </summary>
public sealed class ResultDisclosure(IOptions<BallotsOptions> options)
{
    /// <summary>The name of the folded bucket, in results, exports and live figures (screens show it translated).</summary>
    public const string Others = "autres";

    private int MinGroupSize => options.Value.MinGroupSize;

    /// <summary>The group each ballot is counted or exported under: null for a secret ballot, small groups folded otherwise.</summary>
    public IReadOnlyList<string?> ChoiceGroups(Ballot ballot, IReadOnlyList<string?> groups) =>
        ballot.Secret ? new string?[groups.Count] : Labels(groups, MinGroupSize);

    /// <summary>Ballots cast per group ("" for no group) as the room may see them: small groups folded, for every ballot.</summary>
    public IReadOnlyDictionary<string, int> Turnout(IReadOnlyList<string?> groups) =>
        Labels(groups, MinGroupSize).Select((label, i) => label ?? (groups[i] is null ? "" : null)).OfType<string>()
            .GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The report model's turnout by group (same rule as <see cref="Turnout"/>).</summary>
    public IReadOnlyList<GroupCount> TurnoutForReport(IReadOnlyList<string?> groups) =>
        [.. Turnout(groups).Where(g => g.Key.Length > 0).OrderBy(g => g.Key == Others).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => new GroupCount(g.Key, g.Value))];

    /// <summary>The report model's choices by group: none for a secret ballot, the shown groups of the stored tally otherwise.</summary>
    public IReadOnlyList<GroupChoices> ChoicesForReport(Ballot ballot, TallyResult tally) =>
        ballot.Secret || Shown(tally.Ballots, tally.ByGroup?.ToDictionary(g => g.Key, g => g.Value.Ballots)) is not { Count: > 0 } shown
            ? []
            : [.. shown.Select(g => new GroupChoices(g, tally.ByGroup![g].Ballots, tally.ByGroup[g].Scores))];

    /// <summary>A ballot's stored result as it may be shown (to the room and to the staff alike), or null before close.</summary>
    public BallotResult? StoredResult(Ballot ballot) =>
        ballot.ResultJson is null ? null : Shown(ballot, JsonSerializer.Deserialize<BallotResult>(ballot.ResultJson, TablesJson.Options)!);

    /// <summary>
    /// A result as it may be shown: the explanation's <c>byGroup</c> removed for a secret ballot and reduced to the groups
    /// large enough otherwise (results stored before this rule, or under a lower <see cref="BallotsOptions.MinGroupSize"/>).
    /// </summary>
    public BallotResult Shown(Ballot ballot, BallotResult result)
    {
        if (result.Explanation is not { ValueKind: JsonValueKind.Object } element || !element.TryGetProperty("byGroup", out var byGroup)
            || byGroup.ValueKind != JsonValueKind.Object)
        {
            return result;
        }
        var tally = JsonNode.Parse(element.GetRawText())!.AsObject();
        var total = element.TryGetProperty("ballots", out var b) && b.TryGetInt64(out var t) ? t : 0;
        var counts = byGroup.EnumerateObject().ToDictionary(g => g.Name, g => g.Value.TryGetProperty("ballots", out var n) && n.TryGetInt64(out var c) ? c : 0);
        var shown = ballot.Secret ? [] : Shown(total, counts);
        if (shown.Count == 0)
        {
            tally.Remove("byGroup");
        }
        else
        {
            var groups = tally["byGroup"]!.AsObject();
            foreach (var name in counts.Keys.Where(n => !shown.Contains(n)))
            {
                groups.Remove(name);
            }
        }
        return result with { Explanation = JsonSerializer.SerializeToElement(tally, TablesJson.Options) };
    }

    /// <summary>The groups of an already counted breakdown that may be shown as they are (a folded group cannot be merged afterwards).</summary>
    private IReadOnlyList<string> Shown(long total, IReadOnlyDictionary<string, long>? counts)
    {
        if (counts is null || counts.Count == 0)
        {
            return [];
        }
        var plan = Plan(counts, total - counts.Values.Sum(), MinGroupSize);
        // A declared group named like the folded bucket keeps its name when folded: it is shown only when large enough.
        return [.. counts.Keys.Where(g => plan.TryGetValue(g, out var label) && label == g && counts[g] >= MinGroupSize).Order(StringComparer.Ordinal)];
    }

    /// <summary>The label of each ballot's group under the folding rule (null: in the total only).</summary>
    public static IReadOnlyList<string?> Labels(IReadOnlyList<string?> groups, int minGroupSize)
    {
        var counts = groups.OfType<string>().GroupBy(g => g, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        var ungrouped = groups.Count(g => g is null);
        var plan = Plan(counts, ungrouped, minGroupSize);
        var othersUsed = plan.Values.Any(l => l == Others);
        return [.. groups.Select(g => g is null ? (othersUsed ? Others : null) : plan[g])];
    }

    /// <summary>
    /// Group → label (itself, <see cref="Others"/>, or null when there is no breakdown at all). The rest — small groups
    /// and ballots of no group — is at least <paramref name="min"/> ballots or nothing: else the smallest shown groups join it.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Plan(IReadOnlyDictionary<string, long> counts, long ungrouped, int min)
    {
        var shown = counts.Where(c => c.Value >= min).OrderBy(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key).ToList();
        var rest = ungrouped + counts.Where(c => c.Value < min).Sum(c => c.Value);
        while (rest > 0 && rest < min && shown.Count > 0)
        {
            rest += counts[shown[0]];
            shown.RemoveAt(0);
        }
        var none = rest > 0 && rest < min;
        return counts.Keys.ToDictionary(g => g, g => none ? null : shown.Contains(g) ? g : Others, StringComparer.Ordinal);
    }
}
