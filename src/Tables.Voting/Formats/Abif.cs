namespace Tables.Voting;

/// <summary>
/// The Aggregated Ballot Information Format (ABIF) of the electorama abiftool project: metadata lines
/// (<c>{"title": "…"}</c>), option declarations (<c>=tok:[Full name]</c>), counted ballot lines (<c>26:A&gt;B=C&gt;D</c>,
/// <c>12:A/5&gt;B/3&gt;C/0</c>, <c>7:A/5,B/3</c>, <c>500:</c> for blank ballots) and comments (<c>#</c>). Tables adds one
/// comment extension that other tools ignore: <c>##{"group":"…","weight":0.5}</c> at the end of a ballot line.
/// Reading is <see cref="AbifReader"/>, writing <see cref="AbifWriter"/>; docs/VOTING.md says how each method reads a line.
/// </summary>
public static class Abif
{
    /// <summary>Reads ABIF text for <paramref name="method"/>. Any error (with its line and column) imports nothing.</summary>
    /// <exception cref="VotingException">The file has errors (up to <see cref="VotingException.MaxErrors"/> are reported).</exception>
    public static BallotFile Read(string text, VotingMethod method)
    {
        ArgumentNullException.ThrowIfNull(text);
        // A StringReader completes every read at once: this does not block.
        return AbifReader.ReadAsync(new StringReader(text), method, CancellationToken.None, bufferSize: Math.Min(text.Length + 1, 64 * 1024))
            .GetAwaiter().GetResult();
    }

    /// <summary>Reads ABIF from a stream of text, chunk by chunk (the text is never held whole; identical ballot lines
    /// are merged as they come). Any error (with its line and column) imports nothing.</summary>
    /// <exception cref="VotingException">The file has errors (up to <see cref="VotingException.MaxErrors"/> are reported).</exception>
    public static Task<BallotFile> ReadAsync(TextReader text, VotingMethod method, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AbifReader.ReadAsync(text, method, cancellationToken);
    }

    /// <summary>Writes options and ballots as ABIF. Ranked ballots keep their order; rated ballots are written best
    /// value first with their ratings (<c>A/5&gt;B/3=C/3</c>), so ranking tools read them too.</summary>
    /// <exception cref="VotingException">A token or name cannot be written (abif.not-writable).</exception>
    public static string Write(IReadOnlyList<OptionDeclaration> options, IEnumerable<Ballot> ballots,
        IReadOnlyDictionary<string, string>? metadata = null) => AbifWriter.Write(options, ballots, metadata);
}
