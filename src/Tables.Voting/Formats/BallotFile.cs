namespace Tables.Voting;

/// <summary>An option as a file declares it: its token and, when the file gives one, its full name.</summary>
public sealed record OptionDeclaration(string Token, string? Name = null);

/// <summary>
/// Ballots read from a file (ABIF or CSV): the options in file order, the ballots in file order and the file's
/// metadata. <see cref="Tally.Count(VotingMethod, BallotFile, MethodOptions?)"/> names the line and column of any
/// ballot at fault.
/// </summary>
public sealed class BallotFile
{
    private readonly Func<int, VotingError, VotingError> _locate;

    internal BallotFile(IReadOnlyList<OptionDeclaration> options, IReadOnlyList<Ballot> ballots,
        IReadOnlyDictionary<string, string> metadata, Func<int, VotingError, VotingError> locate)
    {
        Options = options;
        Ballots = ballots;
        Metadata = metadata;
        _locate = locate;
        OptionTokens = options.Select(o => o.Token).ToArray();
    }

    public IReadOnlyList<OptionDeclaration> Options { get; }
    public IReadOnlyList<string> OptionTokens { get; }
    public IReadOnlyList<Ballot> Ballots { get; }

    /// <summary>Metadata lines of an ABIF file (title, description…); empty for CSV.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The same error placed at the line and column of ballot <paramref name="index"/> (0-based).</summary>
    internal VotingError Locate(int index, VotingError error) => _locate(index, error);
}
