using System.Globalization;
using Microsoft.Extensions.Localization;
using Tables.Voting;
using Tables.Web.Features.Localization;

namespace Tables.Web.Components.Forums;

/// <summary>
/// Says in one sentence what separated the winner of a majority-judgment ballot from the runner-up: their median
/// grades, or with the same median the majority gauge, the shares above or below it, or — when those are equal too —
/// the median grades taken out one by one (the rule of <see cref="MajorityJudgmentExplanation"/>, replayed on the two
/// merit profiles). Without it a room sees "Bien− (44 % au-dessous)" twice and cannot tell why one option won.
/// </summary>
public static class MajorityJudgmentStory
{
    public static string? Separation(IStringLocalizer text, MajorityJudgmentExplanation mj, IReadOnlyList<IReadOnlyList<string>> ranking,
        Func<string, string> label, bool drawn)
    {
        var order = ranking.SelectMany(g => g).ToList();
        if (order.Count < 2 || !mj.Options.TryGetValue(order[0], out var first) || !mj.Options.TryGetValue(order[1], out var second))
        {
            return null;
        }
        string Grade(int g) => mj.Grades == 6 ? text[$"Grade.{g}"] : g.ToString(CultureInfo.CurrentCulture);
        static string Percent(decimal share) => share.ToString("P0", CultureInfo.CurrentCulture);
        var (a, b) = (label(order[0]), label(order[1]));
        var pa = first.Profile.ToArray();
        var pb = second.Profile.ToArray();
        var total = pa.Sum();
        var removed = 0m;
        while (total > 0)
        {
            var (ma, mb) = (Median(pa, total), Median(pb, total));
            if (ma != mb)
            {
                return removed == 0
                    ? text["Result.MjByMedian", a, b, Grade(ma), Grade(mb)]
                    : text.Plural("Result.MjByRemoval", (long)removed, a, b, Grade(Median(first.Profile.ToArray(), first.Profile.Sum())), Grade(ma), Grade(mb));
            }
            var (plusA, aboveA, belowA) = Gauge(pa, ma, total);
            var (plusB, aboveB, belowB) = Gauge(pb, mb, total);
            if (removed > 0 && (plusA != plusB || (plusA ? aboveA != aboveB : belowA != belowB)))
            {
                return text.Plural("Result.MjByRemovalOther", (long)removed, a, b, Grade(ma));
            }
            if (plusA != plusB)
            {
                return text["Result.MjByGauge", a, b, Grade(ma), Percent(aboveA), Percent(belowB)];
            }
            if (plusA && aboveA != aboveB)
            {
                return text["Result.MjByAbove", a, b, Grade(ma), Percent(aboveA), Percent(aboveB)];
            }
            if (!plusA && belowA != belowB)
            {
                return text["Result.MjByBelow", a, b, Grade(ma), Percent(belowA), Percent(belowB)];
            }
            var take = Math.Min(1m, Math.Min(pa[ma], pb[mb]));
            if (take <= 0)
            {
                break;
            }
            pa[ma] -= take;
            pb[mb] -= take;
            total -= take;
            removed += take;
            if (pa.SequenceEqual(pb))
            {
                break;
            }
        }
        return text[drawn ? "Result.MjDrawn" : "Result.MjSame", a, b];
    }

    /// <summary>The lower median: the lowest grade reached by half the ballots (rounded up), counting from the lowest.</summary>
    private static int Median(decimal[] profile, decimal total)
    {
        var half = Math.Ceiling(total / 2);
        var cumulative = 0m;
        for (var g = 0; g < profile.Length; g++)
        {
            cumulative += profile[g];
            if (cumulative >= half && cumulative > 0)
            {
                return g;
            }
        }
        return 0;
    }

    private static (bool Plus, decimal Above, decimal Below) Gauge(decimal[] profile, int median, decimal total)
    {
        var above = profile.Skip(median + 1).Sum();
        var below = profile.Take(median).Sum();
        return (above > below, total == 0 ? 0 : above / total, total == 0 ? 0 : below / total);
    }
}
