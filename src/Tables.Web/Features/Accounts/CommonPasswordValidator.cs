using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Tables.Web.Resources;

namespace Tables.Web.Features.Accounts;

/// <summary>
/// Refuses the passwords guessed first: a common word or keyboard run with digits or signs around it
/// ("Motdepasse2026!", "Azerty12345"), the person's own e-mail name or the app's name, or too few different characters.
/// Identity's own rules (length, digit, upper and lower case) come before.
/// </summary>
internal sealed class CommonPasswordValidator(IStringLocalizer<UiText> text) : IPasswordValidator<TablesUser>
{
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "password", "passw", "passwd", "motdepasse", "mdp", "azerty", "azertyuiop", "qwerty", "qwertyuiop", "qwertz", "asdf", "asdfgh",
        "zxcvbn", "abc", "abcd", "abcdef", "abcdefgh", "admin", "administrator", "administrateur", "root", "user", "utilisateur",
        "welcome", "bienvenue", "bonjour", "salut", "hello", "letmein", "iloveyou", "jetaime", "secret", "changeme", "changez",
        "default", "defaut", "test", "testing", "essai", "demo", "soleil", "chocolat", "doudou", "loulou", "princesse", "nicolas",
        "montreal", "quebec", "canada", "tables", "table", "tabledequartier", "tablesdequartier", "quartier", "dragon", "monkey",
        "football", "hockey", "baseball", "master", "sunshine", "shadow", "superman", "batman", "trustno", "starwars", "pokemon",
        "summer", "winter", "autumn", "spring", "ete", "hiver", "automne", "printemps", "janvier", "fevrier", "mars", "avril", "mai",
        "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre", "january", "february", "march", "april", "june",
        "july", "august", "september", "october", "november", "december",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<TablesUser> manager, TablesUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        var letters = Letters(password);
        var name = Letters((user.Email ?? user.UserName ?? "").Split('@')[0]);
        var weak = letters.Length < 4 || Common.Contains(letters) || Common.Any(c => c.Length >= 5 && letters.StartsWith(c, StringComparison.Ordinal) && letters.Length - c.Length < 3)
            || name.Length >= 4 && letters.Contains(name, StringComparison.Ordinal)
            || password.Distinct().Count() < 6;
        return Task.FromResult(weak
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = text["Identity.PasswordTooCommon"] })
            : IdentityResult.Success);
    }

    /// <summary>The letters only, lower case and without accents: "Mot-de-Passe 2026!" is "motdepasse".</summary>
    private static string Letters(string value)
    {
        var b = new StringBuilder(value.Length);
        foreach (var c in value.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetter(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                b.Append(char.ToLowerInvariant(c));
            }
        }
        return b.ToString();
    }
}
