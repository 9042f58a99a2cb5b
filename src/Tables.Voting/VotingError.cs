using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text;

namespace Tables.Voting;

/// <summary>
/// One problem found in ballots, a file or method options: a stable <see cref="Code"/> (see <see cref="ErrorCodes"/>),
/// named <see cref="Arguments"/>, and where it is (<see cref="Line"/> and <see cref="Column"/>, 1-based, for files;
/// <see cref="BallotNumber"/>, 1-based, for ballots given as objects).
/// </summary>
public sealed class VotingError
{
    private static readonly ResourceManager Messages =
        new("Tables.Voting.Resources.VotingMessages", typeof(VotingError).Assembly);

    public VotingError(string code, IReadOnlyDictionary<string, object?>? arguments = null,
        int? line = null, int? column = null, int? ballotNumber = null)
    {
        Code = code;
        Arguments = arguments ?? new Dictionary<string, object?>();
        Line = line;
        Column = column;
        BallotNumber = ballotNumber;
    }

    public string Code { get; }
    public IReadOnlyDictionary<string, object?> Arguments { get; }
    public int? Line { get; }
    public int? Column { get; }
    public int? BallotNumber { get; }

    /// <summary>The English message, with its location.</summary>
    public string DefaultMessage => Format(CultureInfo.InvariantCulture);

    /// <summary>
    /// The message in <paramref name="culture"/> (default <see cref="CultureInfo.CurrentUICulture"/>; French for fr,
    /// English otherwise), prefixed by its location, e.g. "line 5, column 3: 'abc' is not a number".
    /// </summary>
    public string Format(CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        var text = Fill(Template(Code, culture), Arguments, culture);
        var location = Location(culture);
        return location is null ? text : location + text;
    }

    private string? Location(CultureInfo culture)
    {
        var arguments = new Dictionary<string, object?> { ["line"] = Line, ["column"] = Column, ["ballot"] = BallotNumber };
        var key = (Line, Column, BallotNumber) switch
        {
            ({ }, { }, _) => "location.line-column",
            ({ }, null, _) => "location.line",
            (null, _, { }) => "location.ballot",
            _ => null,
        };
        return key is null ? null : Fill(Template(key, culture), arguments, culture);
    }

    /// <summary>The same error at another place (readers add the line and column of what they were reading).</summary>
    public VotingError At(int? line, int? column) => new(Code, Arguments, line, column, BallotNumber);

    internal VotingError ForBallot(int ballotNumber) => new(Code, Arguments, Line, Column, ballotNumber);

    public override string ToString() => DefaultMessage;

    private static string Template(string key, CultureInfo culture) => Messages.GetString(key, culture) ?? key;

    /// <summary>Replaces each {name} by its argument, formatted for the culture; lists are joined with ", ".</summary>
    private static string Fill(string template, IReadOnlyDictionary<string, object?> arguments, CultureInfo culture)
    {
        var result = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (close < 0)
            {
                result.Append(template, i, template.Length - i);
                break;
            }
            result.Append(template, i, open - i);
            var name = template.Substring(open + 1, close - open - 1);
            result.Append(arguments.TryGetValue(name, out var value) ? Show(value, culture) : "{" + name + "}");
            i = close + 1;
        }
        return result.ToString();
    }

    private static string Show(object? value, CultureInfo culture) => value switch
    {
        null => "",
        string s => s,
        IFormattable f => f.ToString(null, culture),
        IEnumerable list => string.Join(", ", list.Cast<object?>().Select(v => Show(v, culture))),
        _ => value.ToString() ?? "",
    };
}
