using System.Globalization;
using System.Resources;
using System.Text;

namespace Tables.Reports;

/// <summary>
/// Everything that depends on the report's language, in one place: the labels (Resources/ReportText.resx, French
/// neutral, and ReportText.en.resx), numbers, money, percentages, dates, and French typography: a no-break space
/// before « : », a narrow no-break space (U+202F) before « ; ! ? » and inside « », decimal comma,
/// "1 234,50 $", "44 %", "12 juin 2027".
/// </summary>
public sealed class ReportCulture
{
    private const char NoBreakSpace = '\u00A0';
    private const char NarrowNoBreakSpace = '\u202F';
    private static readonly ResourceManager Resources = new("Tables.Reports.Resources.ReportText", typeof(ReportCulture).Assembly);

    public static ReportCulture French { get; } = new("fr-CA");
    public static ReportCulture English { get; } = new("en-CA");

    private ReportCulture(string name)
    {
        Culture = CultureInfo.GetCultureInfo(name);
        IsFrench = Culture.TwoLetterISOLanguageName == "fr";
    }

    public CultureInfo Culture { get; }
    public bool IsFrench { get; }

    /// <summary>"fr-CA" or "en-CA", for the PDF's /Lang.</summary>
    public string LanguageTag => Culture.Name;

    /// <summary>French for "fr…" (and anything unknown: French first), English for "en…".</summary>
    public static ReportCulture For(string? language) =>
        language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : French;

    /// <summary>A label from the resources; a missing key is a bug and throws.</summary>
    public string Text(string key) =>
        Resources.GetString(key, Culture) ?? throw new InvalidOperationException($"Report label '{key}' is missing.");

    public string Text(string key, params object[] args) =>
        string.Format(Culture, Text(key), args.Select(a => a switch
        {
            int i => Number(i),
            long l => Number(l),
            decimal d => Number(d, d == decimal.Truncate(d) ? 0 : 1),
            _ => a,
        }).ToArray());

    public string Number(decimal value, int decimals = 0) =>
        Fix(value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture));

    public string Number(long value) => Fix(value.ToString("N0", Culture));

    /// <summary>"1 234 $" / "$1,234"; with cents when the amount has some.</summary>
    public string Money(decimal amount)
    {
        var decimals = amount == decimal.Truncate(amount) ? 0 : 2;
        var number = Number(Math.Abs(amount), decimals);
        var sign = amount < 0 ? "−" : "";
        return IsFrench ? $"{sign}{number}{NoBreakSpace}$" : $"{sign}${number}";
    }

    /// <summary>A share (0.44) as "44 %" / "44%".</summary>
    public string Percent(decimal share, int decimals = 0)
    {
        var number = Number(Math.Round(share * 100, decimals, MidpointRounding.AwayFromZero), decimals);
        return IsFrench ? number + NoBreakSpace + "%" : number + "%";
    }

    /// <summary>"12 juin 2027", "1er juin 2027" / "June 12, 2027".</summary>
    public string Date(DateOnly date)
    {
        if (!IsFrench)
        {
            return date.ToString("MMMM d, yyyy", Culture);
        }
        var day = date.Day == 1 ? "1er" : date.Day.ToString(CultureInfo.InvariantCulture);
        return day + NoBreakSpace + date.ToString("MMMM", Culture) + NoBreakSpace + date.Year.ToString(CultureInfo.InvariantCulture);
    }

    public string Date(DateTime date) => Date(DateOnly.FromDateTime(date));

    /// <summary>"juin 2027" / "June 2027".</summary>
    public string Month(DateOnly date) => date.ToString("MMMM", Culture) + NoBreakSpace + date.Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>"19 h 30" / "7:30 p.m.".</summary>
    public string Time(DateTime time) => IsFrench
        ? $"{time.Hour}{NoBreakSpace}h{(time.Minute == 0 ? "" : NoBreakSpace + time.Minute.ToString("00", CultureInfo.InvariantCulture))}"
        : time.ToString("h:mm tt", Culture);

    public string DateRange(DateOnly start, DateOnly end) => Text("Common.DateRange", Date(start), Date(end));

    /// <summary>
    /// Applies the language's typography to text from anywhere (labels, names, ideas typed by residents): Unicode
    /// normalization (NFC) and, in French, the no-break spaces. Idempotent; leaves "19:00" and web addresses alone.
    /// </summary>
    public string Typeset(string text)
    {
        if (!text.IsNormalized(NormalizationForm.FormC))
        {
            text = text.Normalize(NormalizationForm.FormC);
        }
        if (!IsFrench || text.AsSpan().IndexOfAny(":;!?«»%$") < 0)
        {
            return text;
        }
        var result = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var previous = result.Length > 0 ? result[^1] : '\0';
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            var endsHere = next is '\0' or ' ' or '\n' or '»' or ')' or NoBreakSpace or NarrowNoBreakSpace or '"';
            switch (c)
            {
                case ':' when endsHere:
                    SpaceBefore(result, NoBreakSpace);
                    break;
                case ';' or '!' or '?' when endsHere && previous is not ('!' or '?'):
                    SpaceBefore(result, NarrowNoBreakSpace);
                    break;
                case '»':
                    SpaceBefore(result, NarrowNoBreakSpace);
                    break;
                case '%' or '$' when previous == ' ' && result.Length > 1 && char.IsDigit(result[^2]):
                    result[^1] = NoBreakSpace;
                    break;
            }
            result.Append(c);
            if (c == '«')
            {
                if (next is ' ' or NoBreakSpace or NarrowNoBreakSpace)
                {
                    i++;
                }
                result.Append(NarrowNoBreakSpace);
            }
        }
        return result.ToString();
    }

    private static void SpaceBefore(StringBuilder text, char space)
    {
        if (text.Length == 0 || text[^1] == '\n')
        {
            return;
        }
        var last = text[^1];
        if (last is ' ' or NoBreakSpace or NarrowNoBreakSpace)
        {
            text[^1] = space;
        }
        else
        {
            text.Append(space);
        }
    }

    // .NET's fr-CA puts a breakable space before "$": every space inside a number or an amount must hold.
    private static string Fix(string formatted) => formatted.Replace(' ', NoBreakSpace);
}
