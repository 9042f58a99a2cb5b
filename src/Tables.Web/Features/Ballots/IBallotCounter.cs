using Tables.Web.Features.Forums;

namespace Tables.Web.Features.Ballots;

/// <summary>The bridge to Tables.Voting: checks a ballot against its method and counts stored votes.</summary>
public interface IBallotCounter
{
    /// <summary>Null when <paramref name="content"/> is a valid ballot for <paramref name="ballot"/>'s method, else a localized message.</summary>
    string? Validate(Ballot ballot, VoteContent content);

    /// <summary>Counts the votes; <paramref name="seed"/> drives the tie-break draw (published with a final result).</summary>
    BallotResult Count(Ballot ballot, IReadOnlyList<Vote> votes, long seed, bool final);
}
