using System.Security.Cryptography;

namespace Tables.Web.Features.Forums;

public static class ForumRules
{
    public const int DisplayNameMax = 60;
    public const int GroupMax = 60;
    public const int GroupsMax = 12;
    public const int IdeaMax = 500;
    public const int ActivitiesMax = 30;
    public const int ClientMessageIdMax = 64;
    /// <summary>The largest ballot version: 2^53 − 1, what JavaScript reads exactly.</summary>
    public const long VersionMax = (1L << 53) - 1;
}

/// <summary>Join codes: six characters people can read off a projector and type on a phone without confusion.</summary>
public static class JoinCodes
{
    public const int Length = 6;
    /// <summary>No look-alikes: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V.</summary>
    public const string Alphabet = "34679ACDEFGHJKMNPQRTWXY";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>What a person typed, tidied: upper case, spaces and dashes dropped.</summary>
    public static string Normalize(string? typed) =>
        new((typed ?? "").ToUpperInvariant().Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    public static bool IsWellFormed(string code) => code.Length == Length && code.All(Alphabet.Contains);
}

/// <summary>Anonymous participant tokens: 32 random bytes, base64url.</summary>
public static class ParticipantTokens
{
    public static string New() => Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
}
