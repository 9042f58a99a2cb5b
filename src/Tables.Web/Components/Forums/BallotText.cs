using Microsoft.Extensions.Localization;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Localization;

namespace Tables.Web.Components.Forums;

/// <summary>How a ballot is described to the room, shared by the wall and the console.</summary>
public static class BallotText
{
    /// <summary>What to do on this ballot: "Cochez jusqu'à 6 options.", "Répartissez 10 points."…</summary>
    public static string Hint(IStringLocalizer text, string method, BallotSettings settings, int optionCount) => method switch
    {
        "approval" => text.Plural("Method.approval.Hint", settings.MaxChoices ?? optionCount),
        "cumulative" => text.Plural("Method.cumulative.Hint", settings.MaxPoints ?? 0),
        "score" => text["Method.score.Hint", settings.MaxScore ?? 5],
        _ => text[$"Method.{method}.Hint"],
    };
}
