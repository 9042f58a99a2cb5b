using Microsoft.Extensions.Caching.Memory;
using Tables.Web.Features.Ballots;

namespace Tables.Web.Features.Forums;

/// <summary>
/// What every vote reads, kept in memory so a room voting at once does not read it 2,000 times: a participant's forum
/// and group (they never change once joined) and a ballot's definition (kept one second at most, and forgotten whenever
/// the console changes the ballot). Safe because the vote writer re-checks in its transaction that the ballot is
/// open: a stale entry can delay a refusal by a second, never store a vote in a closed ballot.
/// </summary>
public sealed class LiveCache(IMemoryCache cache)
{
    public static readonly TimeSpan BallotLifetime = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ParticipantLifetime = TimeSpan.FromMinutes(30);

    public sealed record ParticipantInfo(int Id, int ForumId, string? Group);

    public Task<ParticipantInfo?> ParticipantAsync(int participantId, Func<Task<ParticipantInfo?>> load) =>
        cache.GetOrCreateAsync(("participant", participantId), e =>
        {
            e.SlidingExpiration = ParticipantLifetime;
            e.Size = 1;
            return load();
        });

    public Task<Ballot?> BallotAsync(int ballotId, Func<Task<Ballot?>> load) =>
        cache.GetOrCreateAsync(("ballot", ballotId), e =>
        {
            e.AbsoluteExpirationRelativeToNow = BallotLifetime;
            e.Size = 1;
            return load();
        });

    public void ForgetBallot(int ballotId)
    {
        cache.Remove(("ballot", ballotId));
        cache.Remove(("results", ballotId));
    }

    /// <summary>The live figures computed last for a ballot, if less than a second old.</summary>
    public BallotResults? Results(int ballotId) => cache.TryGetValue(("results", ballotId), out BallotResults? results) ? results : null;

    public void KeepResults(BallotResults results) =>
        cache.Set(("results", results.BallotId), results, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = BallotLifetime, Size = 1 });
}
