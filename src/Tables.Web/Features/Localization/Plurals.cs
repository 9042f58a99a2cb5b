using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Tables.Web.Features.Localization;

/// <summary>
/// Real plural forms ("1 bulletin reçu", "2 bulletins reçus") instead of "bulletin(s) reçu(s)": a counted string has
/// one resource per CLDR plural category, <c>Key.one</c> and <c>Key.other</c>, and the count is its first argument,
/// formatted for the culture. French puts 0 and 1 in "one", English only 1 (CLDR); the phone script does the same with
/// <c>Intl.PluralRules</c>.
/// </summary>
public static class Plurals
{
    public static string Plural(this IStringLocalizer text, string key, long count, params object[] more)
    {
        object[] arguments = [count.ToString("#,0", CultureInfo.CurrentCulture), .. more];
        var form = text[$"{key}.{Category(CultureInfo.CurrentUICulture, count)}", arguments];
        return form.ResourceNotFound ? text[$"{key}.other", arguments] : form;
    }

    /// <summary>The CLDR cardinal category of a whole number (only "one" and "other" matter for French and English).</summary>
    public static string Category(CultureInfo culture, long count) => culture.TwoLetterISOLanguageName switch
    {
        "fr" => count is 0 or 1 ? "one" : "other",
        _ => count == 1 ? "one" : "other",
    };
}
