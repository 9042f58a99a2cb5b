namespace Tables.LoadTest;

/// <summary>
/// When each phone votes: every phone once per round, at seeded random moments over the spread window (as a room
/// votes), or all at the same instant when the spread is 0. The app's run and the baseline use the same moments.
/// </summary>
public static class VoteRounds
{
    /// <summary>Each phone casts a ballot, then changes it once.</summary>
    public const int Count = 2;
    private const int Seed = 20260319;

    public static async Task RunAsync(int phones, double spreadSeconds, TextWriter log, Func<int, int, Task> vote, CancellationToken ct)
    {
        var arrivals = new Random(Seed);
        for (var round = 0; round < Count; round++)
        {
            var offsets = Enumerable.Range(0, phones).Select(_ => TimeSpan.FromSeconds(arrivals.NextDouble() * spreadSeconds)).ToArray();
            log.WriteLine($"round {round + 1}: {phones} ballots over {spreadSeconds} s");
            var current = round;
            await Task.WhenAll(Enumerable.Range(0, phones).Select(async i =>
            {
                if (offsets[i] > TimeSpan.Zero)
                {
                    // Paces arrivals in the load generator (not a test waiting for something): spread 0 never waits.
                    await Task.Delay(offsets[i], ct);
                }
                await vote(i, current);
            }));
        }
    }
}
