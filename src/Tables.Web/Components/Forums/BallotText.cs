using Microsoft.Extensions.Localization;
using Tables.Voting;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Localization;

namespace Tables.Web.Components.Forums;

/// <summary>How a ballot is described to the room, shared by the wall and the console.</summary>
public static class BallotText
{
    /// <summary>What to do on this ballot: "Cochez jusqu'à 6 options.", "Répartissez 10 points."…</summary>
    public static string Hint(IStringLocalizer text, VotingMethod method, BallotSettings settings, int optionCount) => method switch
    {
        VotingMethod.Approval => text.Plural("Method.approval.Hint", settings.MaxChoices ?? optionCount),
        VotingMethod.Cumulative => text.Plural("Method.cumulative.Hint", settings.MaxPoints ?? 0),
        VotingMethod.Score => text["Method.score.Hint", settings.MaxScore ?? 5],
        _ => text[$"Method.{method.Token()}.Hint"],
    };

    /// <summary>
    /// How many options the ballot keeps: an approval "6 of 9" keeps six (the number of choices, when fewer than the
    /// options), every other ballot its winners.
    /// </summary>
    public static int Kept(VotingMethod method, BallotSettings settings, int optionCount) =>
        method == VotingMethod.Approval && settings.MaxChoices is { } k && k > 1 && k < optionCount ? k : 1;

    /// <summary>
    /// The options the result keeps, best first: the top <paramref name="kept"/> of the ranking (see <see cref="Kept"/>);
    /// a tie across the cut keeps every tied option (the room sees the tie rather than a silent choice), and an option
    /// nobody marked is never kept.
    /// </summary>
    public static IReadOnlyList<string> Retained(BallotResult? result, int kept)
    {
        if (result is null || result.Winners.Count == 0)
        {
            return [];
        }
        if (kept <= 1)
        {
            return result.Winners;
        }
        var retained = new List<string>();
        foreach (var group in result.Ranking)
        {
            if (retained.Count >= kept)
            {
                break;
            }
            retained.AddRange(group.Where(t => result.Scores.GetValueOrDefault(t) > 0));
        }
        return retained;
    }
}
