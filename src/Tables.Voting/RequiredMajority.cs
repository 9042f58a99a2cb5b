using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tables.Voting;

/// <summary>
/// A required majority as an exact fraction, e.g. two thirds. It is met when the winner's support share is at least
/// the fraction, or more than the fraction when <see cref="Strict"/> ("more than half" is <c>&gt;1/2</c>).
/// Parse accepts "2/3", "0.6667", "0,6667", "66.67%", "66,67 %", each optionally prefixed by "&gt;".
/// </summary>
[JsonConverter(typeof(RequiredMajorityJsonConverter))]
public sealed record RequiredMajority
{
    private const int MaxDecimals = 9;

    public RequiredMajority(long numerator, long denominator, bool strict = false)
    {
        if (denominator <= 0 || numerator <= 0 || numerator > denominator)
        {
            throw new VotingException(ErrorCodes.InvalidMajority, ("value", $"{numerator}/{denominator}"));
        }
        var gcd = (long)BigInteger.GreatestCommonDivisor(numerator, denominator);
        Numerator = numerator / gcd;
        Denominator = denominator / gcd;
        Strict = strict;
    }

    public long Numerator { get; }
    public long Denominator { get; }

    /// <summary>True when the share must be strictly more than the fraction.</summary>
    public bool Strict { get; }

    public static RequiredMajority TwoThirds { get; } = new(2, 3);

    /// <summary>More than half.</summary>
    public static RequiredMajority Absolute { get; } = new(1, 2, strict: true);

    /// <summary>Whether <paramref name="support"/> out of <paramref name="total"/> meets the majority (exactly, no rounding).</summary>
    public bool IsMetBy(long support, long total)
    {
        if (total <= 0)
        {
            return false;
        }
        var left = (Int128)support * Denominator;
        var right = (Int128)Numerator * total;
        return Strict ? left > right : left >= right;
    }

    public static RequiredMajority Parse(string? text) => TryParse(text, out var majority)
        ? majority
        : throw new VotingException(ErrorCodes.InvalidMajority, ("value", text ?? ""));

    /// <summary>
    /// A required majority as a setting that may be left empty (a ballot's "majority" field): null, empty or blank is
    /// "none" (true, <paramref name="majority"/> null); anything else must be what <see cref="TryParse"/> accepts. The one
    /// rule for every screen, endpoint and count, so that what a form accepts is what the count can use.
    /// </summary>
    public static bool TryParseSetting(string? text, out RequiredMajority? majority)
    {
        majority = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (!TryParse(text, out var parsed))
        {
            return false;
        }
        majority = parsed;
        return true;
    }

    /// <summary>As <see cref="TryParseSetting"/>, or throws <see cref="VotingException"/> (parameter.invalid-majority).</summary>
    public static RequiredMajority? ParseSetting(string? text) => TryParseSetting(text, out var majority)
        ? majority
        : throw new VotingException(ErrorCodes.InvalidMajority, ("value", text ?? ""));

    public static bool TryParse(string? text, out RequiredMajority majority)
    {
        majority = TwoThirds;
        var s = (text ?? "").Trim();
        var strict = s.StartsWith('>');
        if (strict)
        {
            s = s[1..].Trim();
        }
        long numerator, denominator;
        var slash = s.IndexOf('/');
        if (slash >= 0)
        {
            if (!long.TryParse(s[..slash].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out numerator)
                || !long.TryParse(s[(slash + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out denominator)
                || denominator > 1_000_000_000)
            {
                return false;
            }
        }
        else
        {
            var percent = s.EndsWith('%');
            if (percent)
            {
                s = s[..^1].TrimEnd(' ', '\u00A0', '\u202F');
            }
            if (!TryParseDecimal(s, out numerator, out denominator))
            {
                return false;
            }
            if (percent)
            {
                denominator *= 100;
            }
        }
        if (numerator <= 0 || denominator <= 0 || numerator > denominator)
        {
            return false;
        }
        majority = new RequiredMajority(numerator, denominator, strict);
        return true;
    }

    /// <summary>"0.6667" or "0,6667" as 6667/10000; digits only, at most nine decimals.</summary>
    private static bool TryParseDecimal(string s, out long numerator, out long denominator)
    {
        numerator = 0;
        denominator = 1;
        var separator = s.IndexOfAny(['.', ',']);
        var whole = separator < 0 ? s : s[..separator];
        var fraction = separator < 0 ? "" : s[(separator + 1)..];
        if ((whole.Length == 0 && fraction.Length == 0) || whole.Length > 9 || fraction.Length > MaxDecimals
            || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit))
        {
            return false;
        }
        foreach (var c in whole + fraction)
        {
            numerator = numerator * 10 + (c - '0');
        }
        for (var i = 0; i < fraction.Length; i++)
        {
            denominator *= 10;
        }
        return true;
    }

    /// <summary>"2/3", or "&gt;1/2" when strict.</summary>
    public override string ToString() => (Strict ? ">" : "") + Numerator.ToString(CultureInfo.InvariantCulture) + "/"
        + Denominator.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Writes a <see cref="RequiredMajority"/> as its text ("2/3").</summary>
public sealed class RequiredMajorityJsonConverter : JsonConverter<RequiredMajority>
{
    public override RequiredMajority Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TextJson.Read<RequiredMajority>(ref reader, RequiredMajority.TryParse, "a majority");

    public override void Write(Utf8JsonWriter writer, RequiredMajority value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
