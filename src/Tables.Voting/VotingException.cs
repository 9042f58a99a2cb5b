using System.Globalization;

namespace Tables.Voting;

/// <summary>
/// The only exception the library throws for bad input: invalid options, ballots, files or parameters.
/// It carries one or more <see cref="VotingError"/>s (a file is read whole and reports up to
/// <see cref="MaxErrors"/> problems; when any is found nothing is imported). <see cref="Exception.Message"/> is
/// localized with <see cref="CultureInfo.CurrentUICulture"/> when thrown; use <see cref="Code"/>,
/// <see cref="VotingError.Arguments"/> and <see cref="VotingError.Format"/> to localize it elsewhere.
/// </summary>
public class VotingException : Exception
{
    /// <summary>How many errors a reader collects before it stops.</summary>
    public const int MaxErrors = 50;

    public VotingException(VotingError error)
        : this([error])
    {
    }

    public VotingException(IReadOnlyList<VotingError> errors)
        : base(Describe(errors, CultureInfo.CurrentUICulture))
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("At least one error is needed.", nameof(errors));
        }
        Errors = errors;
    }

    internal VotingException(string code, params (string Name, object? Value)[] arguments)
        : this(new VotingError(code, arguments.ToDictionary(a => a.Name, a => a.Value)))
    {
    }

    /// <summary>All the errors found, in the order of the input.</summary>
    public IReadOnlyList<VotingError> Errors { get; }

    /// <summary>The first error.</summary>
    public VotingError Error => Errors[0];

    public string Code => Error.Code;
    public int? Line => Error.Line;
    public int? Column => Error.Column;

    /// <summary>The English message of the first error.</summary>
    public string DefaultMessage => Error.DefaultMessage;

    private static string Describe(IReadOnlyList<VotingError> errors, CultureInfo culture) => errors.Count switch
    {
        0 => "",
        1 => errors[0].Format(culture),
        _ => errors[0].Format(culture) + " " + new VotingError("errors.more",
            new Dictionary<string, object?> { ["count"] = errors.Count - 1 }).Format(culture),
    };
}
