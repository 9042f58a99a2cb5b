using System.Globalization;
using System.Text;

namespace Tables.Benchmarks;

/// <summary>
/// Writes the instant-runoff ABIF file of the counting-file goal (docs/PERFORMANCE.md): 12 declared options and
/// 443,000 ballot lines of one ballot each (<c>1:o4&gt;o1&gt;o9</c>), about 10 MB. Deterministic: the same seed gives
/// the same bytes.
/// <para>
/// <see cref="Shape.Election"/> (the goal's file) draws each voter from one of 24 factions: the faction's order of
/// preference, with each neighbouring pair swapped with probability 1/4 (voters mostly agree with their faction), cut
/// after 1 to 12 choices (short rankings are the most common), so many ballots repeat, as in a real election.
/// <see cref="Shape.Distinct"/> is the worst case for aggregation: uniformly random rankings of 6 or 7 options (longer
/// ones would pass the 10 MB limit), so almost nine lines in ten differ.
/// </para>
/// </summary>
public static class BallotFileGenerator
{
    public enum Shape
    {
        Election,
        Distinct,
    }

    public const int Options = 12;
    public const int Lines = 443_000;

    /// <summary>How many options a voter ranks in <see cref="Shape.Election"/>: weights for 1..12 (mean about 6).</summary>
    private static readonly int[] LengthWeights = [9, 8, 8, 9, 10, 10, 9, 8, 8, 7, 7, 7];

    public static string Token(int option) => "o" + (option + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>The whole file as UTF-8 bytes.</summary>
    public static byte[] Generate(Shape shape = Shape.Election, int seed = 20261127, int lines = Lines) =>
        Encoding.UTF8.GetBytes(GenerateText(shape, seed, lines));

    public static string GenerateText(Shape shape = Shape.Election, int seed = 20261127, int lines = Lines)
    {
        var random = new Random(seed);
        var text = new StringBuilder(lines * 25);
        text.Append("{\"title\": \"Goal file: ").Append(lines.ToString(CultureInfo.InvariantCulture))
            .Append(" IRV ballots, ").Append(shape.ToString().ToLowerInvariant()).Append(", seed ")
            .Append(seed.ToString(CultureInfo.InvariantCulture)).Append("\"}\n");
        for (var o = 0; o < Options; o++)
        {
            text.Append('=').Append(Token(o)).Append(":[Option ").Append(o + 1).Append("]\n");
        }
        var factions = Enumerable.Range(0, 24).Select(_ => Shuffled(random)).ToArray();
        var totalWeight = LengthWeights.Sum();
        var order = new int[Options];
        for (var line = 0; line < lines; line++)
        {
            int length;
            if (shape == Shape.Distinct)
            {
                Shuffled(random).CopyTo(order, 0);
                length = random.Next(10) < 6 ? 6 : 7;
            }
            else
            {
                factions[random.Next(factions.Length)].CopyTo(order, 0);
                for (var k = 0; k + 1 < Options; k++)
                {
                    if (random.Next(4) == 0)
                    {
                        (order[k], order[k + 1]) = (order[k + 1], order[k]);
                    }
                }
                length = Pick(random, totalWeight);
            }
            text.Append("1:");
            for (var k = 0; k < length; k++)
            {
                if (k > 0)
                {
                    text.Append('>');
                }
                text.Append(Token(order[k]));
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    private static int Pick(Random random, int totalWeight)
    {
        var x = random.Next(totalWeight);
        for (var i = 0; i < LengthWeights.Length; i++)
        {
            x -= LengthWeights[i];
            if (x < 0)
            {
                return i + 1;
            }
        }
        return LengthWeights.Length;
    }

    private static int[] Shuffled(Random random)
    {
        var order = Enumerable.Range(0, Options).ToArray();
        random.Shuffle(order);
        return order;
    }
}
