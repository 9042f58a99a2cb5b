using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tables.Voting;

/// <summary>The counting methods. Each has a token (<see cref="VotingMethods.Token"/>) used in URLs, files and JSON.</summary>
[JsonConverter(typeof(VotingMethodJsonConverter))]
public enum VotingMethod
{
    /// <summary><c>plurality</c>: one choice; most votes wins.</summary>
    Plurality,
    /// <summary><c>approval</c>: choose up to k of n options (k = MaxChoices); most approvals wins.</summary>
    Approval,
    /// <summary><c>cumulative</c>: spread up to MaxPoints points, at most MaxPerOption on one option; most points wins.</summary>
    Cumulative,
    /// <summary><c>score</c>: 0..MaxScore per option; ranked by sum, the mean is shown.</summary>
    Score,
    /// <summary><c>borda</c>: rankings; n−p points for position p, unranked options share the points left.</summary>
    Borda,
    /// <summary><c>schulze</c>: Condorcet method on rankings with ties and partial rankings (winning votes).</summary>
    Schulze,
    /// <summary><c>irv</c>: instant-runoff on strict (partial) rankings, by rounds.</summary>
    InstantRunoff,
    /// <summary><c>majority-judgment</c>: a grade 0..MaxScore per option; highest lower median wins.</summary>
    MajorityJudgment,
}

/// <summary>What a ballot of a method holds.</summary>
public enum BallotKind
{
    /// <summary>A ranking: tie groups of option tokens, best first.</summary>
    Ranked,
    /// <summary>A value per option: 0/1, points, a score or a grade.</summary>
    Rated,
}

/// <summary>Tokens and properties of <see cref="VotingMethod"/>.</summary>
public static class VotingMethods
{
    private static readonly (VotingMethod Method, string Token)[] Tokens =
    [
        (VotingMethod.Plurality, "plurality"),
        (VotingMethod.Approval, "approval"),
        (VotingMethod.Cumulative, "cumulative"),
        (VotingMethod.Score, "score"),
        (VotingMethod.Borda, "borda"),
        (VotingMethod.Schulze, "schulze"),
        (VotingMethod.InstantRunoff, "irv"),
        (VotingMethod.MajorityJudgment, "majority-judgment"),
    ];

    /// <summary>All method tokens, in the order of <see cref="VotingMethod"/>.</summary>
    public static IReadOnlyList<string> AllTokens { get; } = Tokens.Select(t => t.Token).ToArray();

    public static string Token(this VotingMethod method) => Tokens[(int)method].Token;

    /// <summary>Ranked methods (borda, schulze, irv) read rankings; the others read a value per option.</summary>
    public static BallotKind Kind(this VotingMethod method) =>
        method is VotingMethod.Borda or VotingMethod.Schulze or VotingMethod.InstantRunoff ? BallotKind.Ranked : BallotKind.Rated;

    public static bool TryParse(string? token, out VotingMethod method)
    {
        foreach (var (m, t) in Tokens)
        {
            if (string.Equals(t, token?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                method = m;
                return true;
            }
        }
        method = default;
        return false;
    }

    /// <summary>Parses a token (case-insensitive) or throws <see cref="VotingException"/> (method.unknown).</summary>
    public static VotingMethod Parse(string? token) => TryParse(token, out var method)
        ? method
        : throw new VotingException(ErrorCodes.UnknownMethod, ("method", token ?? ""), ("methods", AllTokens));
}

/// <summary>Writes and reads a <see cref="VotingMethod"/> as its token.</summary>
public sealed class VotingMethodJsonConverter : JsonConverter<VotingMethod>
{
    public override VotingMethod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TextJson.Read<VotingMethod>(ref reader, VotingMethods.TryParse, "a counting method");

    public override void Write(Utf8JsonWriter writer, VotingMethod value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Token());
}

/// <summary>Reading a value written as a JSON string through its own parser.</summary>
internal static class TextJson
{
    public delegate bool Parser<T>(string? text, out T value);

    public static T Read<T>(ref Utf8JsonReader reader, Parser<T> parse, string what)
    {
        var text = reader.GetString();
        return parse(text, out var value) ? value : throw new JsonException($"'{text}' is not {what}.");
    }
}
