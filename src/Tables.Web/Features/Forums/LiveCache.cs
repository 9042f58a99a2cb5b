using Microsoft.Extensions.Caching.Memory;
using Tables.Web.Features.Ballots;


namespace Tables.Web.Features.Forums;

/// <summary>
/// What every vote reads, kept in memory so a room voting at once does not read it 2,000 times: a participant's forum
/// and group (they never change once joined) and a ballot's definition (kept one second at most, and forgotten whenever
/// the console changes the ballot). Safe because the vote writer re-checks in its transaction that the ballot is
/// open: a stale entry can delay a refusal by a second, never store a vote in a closed ballot.
/// </summary>
public sealed class LiveCache
{
    private readonly IMemoryCache _cache;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, long> _writes = new();

    public LiveCache(IMemoryCache cache, VoteWriter votes)
    {
        _cache = cache;
        // Every committed batch of votes makes the figures kept for its ballots stale.
        votes.BallotsChanged += ids =>
        {
            foreach (var id in ids)
            {
                _writes.AddOrUpdate(id, 1, (_, n) => n + 1);
            }
        };
    }

    public static readonly TimeSpan BallotLifetime = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ParticipantLifetime = TimeSpan.FromMinutes(30);

    public sealed record ParticipantInfo(int Id, int ForumId, string? Group);

    public Task<ParticipantInfo?> ParticipantAsync(int participantId, Func<Task<ParticipantInfo?>> load) =>
        _cache.GetOrCreateAsync(("participant", participantId), e =>
        {
            e.SlidingExpiration = ParticipantLifetime;
            e.Size = 1;
            return load();
        });

    /// <summary>Keeps what the vote path needs of a participant who just joined, so their first ballot reads nothing.</summary>
    public void KeepParticipant(ParticipantInfo participant) =>
        _cache.Set(("participant", participant.Id), participant, new MemoryCacheEntryOptions { SlidingExpiration = ParticipantLifetime, Size = 1 });

    public Task<Ballot?> BallotAsync(int ballotId, Func<Task<Ballot?>> load) =>
        _cache.GetOrCreateAsync(("ballot", ballotId), e =>
        {
            e.AbsoluteExpirationRelativeToNow = BallotLifetime;
            e.Size = 1;
            return load();
        });

    public void ForgetBallot(int ballotId)
    {
        _cache.Remove(("ballot", ballotId));
        _cache.Remove(("results", ballotId));
    }

    /// <summary>How many vote batches touched the ballot so far: read it before counting, keep the figures with it.</summary>
    public long WriteStamp(int ballotId) => _writes.GetValueOrDefault(ballotId);

    /// <summary>The live figures computed last for a ballot, if less than a second old and no vote was written since.</summary>
    public BallotResults? Results(int ballotId) =>
        _cache.TryGetValue(("results", ballotId), out (BallotResults Results, long Stamp) kept) && kept.Stamp == WriteStamp(ballotId)
            ? kept.Results
            : null;

    /// <param name="stamp">The <see cref="WriteStamp"/> read before the votes were loaded.</param>
    public void KeepResults(BallotResults results, long stamp) =>
        _cache.Set(("results", results.BallotId), (results, stamp), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = BallotLifetime, Size = 1 });
}
