using System.Globalization;
using System.Text.Json;
using Tables.Voting;
using Tables.Web.Features.Forums;
using VotingBallot = Tables.Voting.Ballot;

namespace Tables.Web.Features.Ballots;

/// <summary>
/// Counts forum ballots with Tables.Voting. A live count never uses the draw (ties stand until close); the final count
/// at close uses the ballot's published seed. The stored result carries the full tally (same JSON as /api/tally).
/// </summary>
public sealed class VotingBallotCounter : IBallotCounter
{
    // Every vote is checked: the validator of a ballot (its options and limits) is built once per version of the ballot.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(int Id, Guid Version), BallotValidator> _validators = new();

    public string? Validate(Ballot ballot, VoteContent content)
    {
        try
        {
            var validator = ballot.Id == 0
                ? Validator(ballot)
                : _validators.GetOrAdd((ballot.Id, ballot.Version), _ => Validator(ballot));
            return validator.Validate(ToVoting(content, group: null))?.Format(CultureInfo.CurrentUICulture);
        }
        catch (VotingException e)
        {
            return e.Error.Format(CultureInfo.CurrentUICulture);
        }
    }

    private static BallotValidator Validator(Ballot ballot) =>
        new(ballot.Method, Options(ballot, seed: null), Tokens(ballot));

    public BallotResult Count(Ballot ballot, IReadOnlyList<Vote> votes, long seed, bool final)
    {
        var tally = Tally(ballot, votes, final ? seed : null);
        return new BallotResult(
            tally.Winners,
            tally.Ranking,
            tally.Scores.ToDictionary(s => s.Key, s => (double)s.Value),
            final,
            final ? seed : null,
            tally.TieBreak.Used,
            // The explanation is shown once the ballot is closed; live updates to 2,000 phones stay small without it.
            final ? JsonSerializer.SerializeToElement(tally, TablesJson.Options) : null);
    }

    /// <summary>The tally of the stored votes (each vote one ballot, its group kept for the breakdown).</summary>
    public static TallyResult Tally(Ballot ballot, IEnumerable<Vote> votes, long? seed) =>
        global::Tables.Voting.Tally.Count(ballot.Method, Tokens(ballot),
            votes.Select(v => ToVoting(v.Content, v.Group)), Options(ballot, seed));

    public static IReadOnlyList<string> Tokens(Ballot ballot) => ballot.Options.Select(o => o.Token).ToArray();

    public static MethodOptions Options(Ballot ballot, long? seed) => new()
    {
        MaxChoices = ballot.Settings.MaxChoices,
        MaxPoints = ballot.Settings.MaxPoints,
        MaxPerOption = ballot.Settings.MaxPerOption,
        MaxScore = ballot.Settings.MaxScore,
        Quorum = ballot.Settings.Quorum,
        Majority = RequiredMajority.ParseSetting(ballot.Settings.Majority),
        Seed = seed?.ToString(CultureInfo.InvariantCulture),
    };

    public static VotingBallot ToVoting(VoteContent content, string? group)
    {
        var ballot = content.Ranking is { Count: > 0 } ranking && ranking.Any(g => g.Count > 0)
            ? VotingBallot.Ranked(ranking)
            : content.Values is { Count: > 0 } values ? VotingBallot.Rated(values) : VotingBallot.Blank;
        return string.IsNullOrWhiteSpace(group) ? ballot : ballot with { Group = group };
    }
}
