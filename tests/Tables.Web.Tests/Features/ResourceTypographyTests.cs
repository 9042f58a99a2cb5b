using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Tables.Web.Tests.Features;

/// <summary>
/// Every user-interface string follows one typography, checked here so that new strings follow it too.
/// French follows the Québec convention (Office québécois de la langue française, <i>Le français au bureau</i>): a
/// no-break space (U+00A0) before the colon and the percent sign and inside « guillemets », no space before ; ! and ?;
/// English puts no space before : ; ! ?. Neither writes "(s)": counted strings have real plural forms (<c>.one</c> and
/// <c>.other</c>, see <c>Plurals</c>), and neither uses straight double quotes.
/// </summary>
public sealed partial class ResourceTypographyTests
{
    private static readonly string Resources = Path.Combine(FindRepository(), "src", "Tables.Web", "Resources");

    private static string FindRepository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Tables.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Tables.sln not found above " + AppContext.BaseDirectory);
    }

    private static Dictionary<string, string> Strings(string file) =>
        XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "");

    /// <summary>The text people read: placeholders ({0}, {0:N0}) and web addresses taken out.</summary>
    private static string Prose(string value) => Url().Replace(Placeholder().Replace(value, "0"), "");

    [Fact]
    public void French_strings_follow_the_Quebec_convention()
    {
        var problems = new List<string>();
        foreach (var (key, value) in Strings("UiText.resx"))
        {
            var text = Prose(value);
            for (var i = 0; i < text.Length; i++)
            {
                var before = i > 0 ? text[i - 1] : '\0';
                switch (text[i])
                {
                    case ':' when before != '\u00a0':
                    // "%" after a number; alone, as in "Avancement (%)", it is a symbol and takes no space.
                    case '%' when before != '\u00a0' && (char.IsDigit(before) || char.IsWhiteSpace(before)):
                        problems.Add($"{key}: « {text[i]} » needs a no-break space before it: {value}");
                        break;
                    case ';' or '!' or '?' when char.IsWhiteSpace(before):
                        problems.Add($"{key}: no space before « {text[i]} » in Québec: {value}");
                        break;
                    case '«' when i + 1 < text.Length && text[i + 1] != '\u00a0':
                    case '»' when before != '\u00a0':
                        problems.Add($"{key}: guillemets take a no-break space inside: {value}");
                        break;
                }
            }
            problems.AddRange(Shared(key, value));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void English_strings_put_no_space_before_punctuation()
    {
        var problems = new List<string>();
        foreach (var (key, value) in Strings("UiText.en.resx"))
        {
            if (SpaceBeforePunctuation().IsMatch(Prose(value)))
            {
                problems.Add($"{key}: no space before : ; ! ? in English: {value}");
            }
            problems.AddRange(Shared(key, value));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Strings that show what to type in a shell, where straight quotes are what is typed.</summary>
    private static readonly HashSet<string> CommandLines = ["Admin.Usage"];

    private static IEnumerable<string> Shared(string key, string value)
    {
        if (OptionalPlural().IsMatch(value))
        {
            yield return $"{key}: write real plural forms (Key.one / Key.other), not “(s)”: {value}";
        }
        if (value.Contains('"', StringComparison.Ordinal) && !CommandLines.Contains(key))
        {
            yield return $"{key}: straight double quotes; use « » (French) or “ ” (English): {value}";
        }
        if (value.Contains("  ", StringComparison.Ordinal))
        {
            yield return $"{key}: two spaces in a row: {value}";
        }
    }

    [Fact]
    public void Both_languages_have_the_same_keys_and_every_plural_has_its_other_form()
    {
        var french = Strings("UiText.resx");
        var english = Strings("UiText.en.resx");

        Assert.Empty(french.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(french.Keys));
        var orphans = french.Keys.Where(k => k.EndsWith(".one", StringComparison.Ordinal) && !french.ContainsKey(k[..^4] + ".other")).ToList();
        Assert.Empty(orphans);
    }

    [Fact]
    public void The_typography_rules_catch_what_the_issue_found()
    {
        Assert.Matches(OptionalPlural(), "8 blanc(s)");
        Assert.Matches(SpaceBeforePunctuation(), "no group : 8");
        Assert.Equal("Voir 0 sur ", Prose("Voir {0:N0} sur https://exemple.org/j?x=1."));
    }

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\bhttps?://\S+")]
    private static partial Regex Url();

    [GeneratedRegex(@"\s[:;!?]")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"\((s|e|es|x|nt)\)")]
    private static partial Regex OptionalPlural();
}
