using Microsoft.Extensions.Caching.Memory;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Live;

namespace Tables.Web.Features.Forums;

/// <summary>
/// What every vote reads, kept in memory so a room voting at once does not read it 2,000 times: a participant's forum
/// and group (they never change once joined) and a ballot's definition (kept one second at most, and forgotten as soon as
/// a committed change of this instance touches the ballot's topic). Safe because the forum writer re-checks in its
/// transaction that the ballot is open: a stale entry can delay a refusal by a second, never store a vote in a closed
/// ballot. (Figures last sent to the room are kept by <see cref="LiveUpdates"/>, with their version.)
/// </summary>
public sealed class LiveCache
{
    private readonly IMemoryCache _cache;

    public LiveCache(IMemoryCache cache, LiveUpdates live)
    {
        _cache = cache;
        live.OnLocalChange(topics =>
        {
            foreach (var topic in topics.Where(t => t.Kind == ForumTopics.Ballot(0).Kind))
            {
                _cache.Remove(("ballot", topic.Id));
            }
        });
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
}
