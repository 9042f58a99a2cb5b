using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;

namespace Tables.LoadTest;

/// <summary>Figures of one run; <see cref="ToJson"/> is the last line the console prints.</summary>
public sealed record LoadReport(int Participants, double SpreadSeconds, int Acked, int Lost, int Errors, double JoinP95Ms, double AckP50Ms, double AckP95Ms, double AckP99Ms,
    double FanoutP50Ms, double FanoutP95Ms, double FanoutP99Ms, double BaselineFanoutP95Ms, long BytesPerConnection, double ServerCpuSeconds, double WallSeconds, double DeliveryP95Ms = double.NaN)
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new()
    {
        // A figure that could not be measured (no baseline, no update) is written as "NaN" rather than failing.
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(new
    {
        participants = Participants, acked = Acked, lost = Lost, errors = Errors,
        ackP50Ms = AckP50Ms, ackP95Ms = AckP95Ms, ackP99Ms = AckP99Ms, fanoutP95Ms = FanoutP95Ms,
        baselineFanoutP95Ms = BaselineFanoutP95Ms, bytesPerConnection = BytesPerConnection,
        spreadSeconds = SpreadSeconds, fanoutP50Ms = FanoutP50Ms, fanoutP99Ms = FanoutP99Ms, joinP95Ms = JoinP95Ms,
        serverCpuSeconds = ServerCpuSeconds, wallSeconds = WallSeconds, deliveryP95Ms = DeliveryP95Ms,
    }, Json);
}

/// <summary>
/// N phones join a forum by code, each casts an approval ballot and changes it once, while results are revealed live.
/// Measures join time, acknowledgement latency, result fan-out (from a ballot's ack to the first update sent after it
/// reaching every phone), server memory per connection, and checks that every acknowledged ballot is in the result.
/// </summary>
public sealed class LoadRun(LoadOptions options, TextWriter log)
{
    private const string AdminEmail = "admin@tables.example";
    private const string DemoPassword = "Tilleuls-demo-2026";

    public async Task<LoadReport> RunAsync(Uri url, Func<long>? serverBytes = null, Func<TimeSpan>? serverCpu = null, CancellationToken ct = default)
    {
        var wall = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.Duration);
        ct = deadline.Token;
        using var staff = new Staff(url);
        await staff.SignInAsync(AdminEmail, DemoPassword);
        var (forum, ballot) = await staff.SetUpAsync("charge-" + Guid.NewGuid().ToString("N")[..8]);
        await using var facilitator = staff.Hub();
        await facilitator.StartAsync(ct);
        await facilitator.InvokeAsync("OpenBallot", ballot.Id, ct);
        await facilitator.InvokeAsync("RevealBallot", ballot.Id, ct);
        var cpu0 = serverCpu?.Invoke() ?? TimeSpan.Zero;
        var bytes0 = serverBytes?.Invoke() ?? 0;

        var n = options.Participants;
        var phones = new HubConnection[n];
        var received = new ConcurrentQueue<(int Phone, long Version, int Cast, long At)>();
        var joins = new ConcurrentBag<double>();
        var errors = 0;
        // Set once every ballot is acknowledged: then each phone must get an update sent after that moment.
        var mark = long.MaxValue;
        var reachedAfterMark = new ConcurrentDictionary<int, byte>();
        var allReached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Seen(int phone, long at)
        {
            if (at > Volatile.Read(ref mark) && reachedAfterMark.TryAdd(phone, 0) && reachedAfterMark.Count == n)
            {
                allReached.TrySetResult();
            }
        }
        log.WriteLine($"{n} phones joining {forum.JoinCode} at {url}…");
        await Parallel.ForAsync(0, n, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = ct }, async (i, token) =>
        {
            var phone = Staff.Connect(url);
            phone.On<BallotResults>(nameof(IForumClient.ResultsChanged), r =>
            {
                var at = Stopwatch.GetTimestamp();
                received.Enqueue((i, r.Version, r.Cast, at));
                Seen(i, at);
            });
            var start = Stopwatch.GetTimestamp();
            try
            {
                await phone.StartAsync(token);
                await phone.InvokeAsync<JoinResult>("Join", new JoinRequest(forum.JoinCode, null, null, null), token);
                joins.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Interlocked.Increment(ref errors);
                log.WriteLine($"join {i}: {e.Message}");
            }
            phones[i] = phone;
        });
        GC.Collect();
        var bytesPerConnection = serverBytes is null ? 0 : Math.Max(0, (serverBytes() - bytes0) / n);
        log.WriteLine($"joined: p95 {Percentiles.Of([.. joins], 95)} ms; server +{bytesPerConnection} bytes per connection");

        // Everyone votes (at seeded random moments over the spread window, or all at once), then everyone changes their ballot once.
        var acks = new ConcurrentBag<(double Ms, long At)>();
        var finalVotes = new VoteContent?[n];
        var arrivals = new Random(20260319);
        for (var round = 0; round < 2; round++)
        {
            var offsets = Enumerable.Range(0, n).Select(_ => TimeSpan.FromSeconds(arrivals.NextDouble() * options.SpreadSeconds)).ToArray();
            log.WriteLine($"round {round + 1}: {n} ballots over {options.SpreadSeconds} s");
            await Task.WhenAll(Enumerable.Range(0, n).Select(async i =>
            {
                if (offsets[i] > TimeSpan.Zero)
                {
                    await Task.Delay(offsets[i], ct);
                }
                var content = Choice(i, round);
                var start = Stopwatch.GetTimestamp();
                try
                {
                    var ack = await phones[i].InvokeAsync<CastAck>("Cast", new CastRequest(ballot.Id, content, Guid.NewGuid().ToString("N")), ct);
                    var at = Stopwatch.GetTimestamp();
                    acks.Add((Stopwatch.GetElapsedTime(start, at).TotalMilliseconds, at));
                    if (ack.Outcome == VoteOutcome.Stored)
                    {
                        finalVotes[i] = content;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Interlocked.Increment(ref errors);
                    log.WriteLine($"vote {i}: {e.Message}");
                }
            }));
        }
        Volatile.Write(ref mark, acks.Max(a => a.At));
        foreach (var r in received)
        {
            Seen(r.Phone, r.At);
        }
        // The last update (sent after the last ack) must reach every phone.
        try
        {
            await allReached.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        }
        catch (TimeoutException)
        {
            errors += n - reachedAfterMark.Count;
            log.WriteLine($"{n - reachedAfterMark.Count} phones never got the final results");
        }

        var result = await facilitator.InvokeAsync<BallotResult>("CloseBallot", ballot.Id, ct);
        var expected = finalVotes.OfType<VoteContent>().SelectMany(v => v.Values!.Keys).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        var lost = expected.Sum(e => Math.Max(0, e.Value - (int)result.Scores.GetValueOrDefault(e.Key)));
        var acked = finalVotes.Count(v => v is not null);

        var fanout = FanOut([.. received], [.. acks.Select(a => a.At)], n);
        var delivery = Delivery([.. received], n);
        var cpu = (serverCpu?.Invoke() ?? TimeSpan.Zero) - cpu0;
        await Task.WhenAll(phones.Where(p => p is not null).Select(p => p.DisposeAsync().AsTask()));

        var baseline = options.Baseline ? await Baseline.FanOutP95Async(n, log, ct) : double.NaN;
        var ackMs = acks.Select(a => a.Ms).ToList();
        return new LoadReport(n, options.SpreadSeconds, acked, lost, errors, Percentiles.Of([.. joins], 95), Percentiles.Of(ackMs, 50), Percentiles.Of(ackMs, 95), Percentiles.Of(ackMs, 99),
            Percentiles.Of(fanout, 50), Percentiles.Of(fanout, 95), Percentiles.Of(fanout, 99), baseline, bytesPerConnection, Math.Round(cpu.TotalSeconds, 1), Math.Round(wall.Elapsed.TotalSeconds, 1), Percentiles.Of(delivery, 95));
    }

    /// <summary>Phone i approves 1 to 6 options; the second round is another choice.</summary>
    private static VoteContent Choice(int i, int round)
    {
        var count = 1 + (i + round) % 6;
        return new VoteContent { Values = Enumerable.Range(0, count).Select(k => ForumConsole.OptionToken((i * 7 + round * 3 + k) % 9)).Distinct().ToDictionary(t => t, _ => 1) };
    }

    /// <summary>
    /// For each update that reached every phone: from the first phone receiving it to the last — the delivery part of
    /// fan-out, without the coalescing wait (comparable with the bare-hub baseline).
    /// </summary>
    internal static List<double> Delivery(IReadOnlyList<(int Phone, long Version, int Cast, long At)> received, int phones) =>
        received.GroupBy(r => r.Version)
            .Where(g => g.Select(r => r.Phone).Distinct().Count() == phones)
            .Select(g => Stopwatch.GetElapsedTime(g.Min(r => r.At), g.Max(r => r.At)).TotalMilliseconds)
            .ToList();

    /// <summary>For each ack: time until the first update received after it has reached every phone.</summary>
    internal static List<double> FanOut(IReadOnlyList<(int Phone, long Version, int Cast, long At)> received, IReadOnlyList<long> ackTimes, int phones)
    {
        var updates = received.GroupBy(r => r.Version)
            .Select(g => (First: g.Min(r => r.At), Last: g.Max(r => r.At), Phones: g.Select(r => r.Phone).Distinct().Count()))
            .Where(u => u.Phones == phones)
            .OrderBy(u => u.First)
            .ToArray();
        var firsts = updates.Select(u => u.First).ToArray();
        var latencies = new List<double>(ackTimes.Count);
        foreach (var ack in ackTimes)
        {
            var index = Array.BinarySearch(firsts, ack);
            index = index < 0 ? ~index : index;
            if (index < updates.Length)
            {
                latencies.Add(Stopwatch.GetElapsedTime(ack, updates[index].Last).TotalMilliseconds);
            }
        }
        return latencies;
    }
}
