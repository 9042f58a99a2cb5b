using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;

using Tables.Testing;

namespace Tables.LoadTest;

/// <summary>Figures of one run; <see cref="ToJson"/> is the last line the console prints.</summary>
public sealed record LoadReport(int Participants, double SpreadSeconds, int Acked, int Lost, int Errors, double JoinP95Ms, double AckP50Ms, double AckP95Ms, double AckP99Ms,
    double FanoutP50Ms, double FanoutP95Ms, double FanoutP99Ms, double BaselineFanoutP95Ms, long BytesPerConnection, double ServerCpuSeconds, double WallSeconds, double DeliveryP95Ms = double.NaN,
    double BaselineDeliveryP95Ms = double.NaN, double IntervalMs = double.NaN, double BaselineAckP95Ms = double.NaN, double BaselineJoinP95Ms = double.NaN)
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
        baselineDeliveryP95Ms = BaselineDeliveryP95Ms, fanoutRatio = FanoutRatio, deliveryRatio = DeliveryRatio, intervalMs = IntervalMs, baselineAckP95Ms = BaselineAckP95Ms, baselineJoinP95Ms = BaselineJoinP95Ms,
    }, Json);

    /// <summary>Fan-out p95 of the app over the bare hub's (same ballots, same interval, same update).</summary>
    public double FanoutRatio => Math.Round(FanoutP95Ms / BaselineFanoutP95Ms, 2);

    /// <summary>Delivery p95 (first → last phone of one update) of the app over the bare hub's.</summary>
    public double DeliveryRatio => Math.Round(DeliveryP95Ms / BaselineDeliveryP95Ms, 2);
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
        var slug = "charge-" + Guid.NewGuid().ToString("N")[..8];
        var (forum, ballot, voteActivity) = await staff.SetUpAsync(slug);
        // The facilitator's connection reconnects by itself, as the console does; every action waits until it is back.
        await using var facilitator = staff.Hub();
        await facilitator.StartAsync(ct);
        await facilitator.OpenBallotAsync(ballot.Id, ct);
        await facilitator.RevealBallotAsync(ballot.Id, ct);
        var cpu0 = serverCpu?.Invoke() ?? TimeSpan.Zero;
        var bytes0 = serverBytes?.Invoke() ?? 0;

        var n = options.Participants;
        var receipts = new Receipts(n);
        log.WriteLine($"{n} phones joining {forum.JoinCode} at {url}{(options.LegacyPhones ? " (phones that ask for a snapshot on every change, as before #13)" : "")}…");
        var phones = await Phones.ConnectAsync(n, () => Staff.Connect(url),
            (phone, token) => phone.JoinAsync(new JoinRequest(forum.JoinCode, null, null, null), token), receipts, log, ct, options.LegacyPhones);
        var errors = phones.Failed;
        GC.Collect();
        var bytesPerConnection = serverBytes is null ? 0 : Math.Max(0, (serverBytes() - bytes0) / n);
        log.WriteLine($"joined: p95 {Percentiles.Of(phones.JoinMs, 95)} ms; server +{bytesPerConnection} bytes per connection");
        var finalVotes = new VoteContent?[n];
        BallotResult? result = null;
        var lost = 0;
        try
        {
            // The room moves on once everyone is in: the agenda's vote step reaches every phone.
            await StaffAsync(facilitator, h => h.SetActivityAsync(forum.Id, voteActivity, ct), ct);
            if (await receipts.MissingForumChangeAsync(TimeSpan.FromSeconds(60), ct) is var behind and > 0)
            {
                errors += behind;
                log.WriteLine($"{behind} phones never got the agenda change");
            }

            await VoteRounds.RunAsync(n, options.SpreadSeconds, log, async (i, round) =>
            {
                var content = Choice(i, round);
                var start = Stopwatch.GetTimestamp();
                try
                {
                    var ack = await phones.Connections[i].CastAsync(new CastRequest(ballot.Id, content, Guid.NewGuid().ToString("N")), ct);
                    receipts.Acked(start);
                    if (ack.Outcome == VoteOutcome.Stored)
                    {
                        finalVotes[i] = content;
                    }
                    phones.AfterAck(i);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Interlocked.Increment(ref errors);
                    log.WriteLine($"vote {i}: {e.Message}");
                }
            }, ct);
            // Every phone must end up showing the figures with every acknowledged ballot in them.
            var expected = finalVotes.OfType<VoteContent>().SelectMany(v => v.Values!.Keys).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
            if (await receipts.MissingFinalUpdateAsync(r => Shows(r.Result, expected), TimeSpan.FromSeconds(60), ct) is var missing and > 0)
            {
                errors += missing;
                log.WriteLine($"{missing} phones never got the final results");
            }

            result = await StaffAsync(facilitator, h => h.CloseBallotAsync(ballot.Id, ct), ct);
            // Lost: acknowledged ballots the database does not hold (its ABIF export, read back), or approvals the final
            // result does not count — whichever is more.
            var stored = await StoredBallotsAsync(staff, slug, ballot.Id, ct);
            var acknowledged = finalVotes.OfType<VoteContent>().GroupBy(Key).ToDictionary(g => g.Key, g => (long)g.Count());
            var lostInDatabase = acknowledged.Sum(a => Math.Max(0, a.Value - stored.GetValueOrDefault(a.Key)));
            var neverAcknowledged = stored.Sum(s => Math.Max(0, s.Value - acknowledged.GetValueOrDefault(s.Key)));
            var lostInResult = expected.Sum(e => Math.Max(0, e.Value - (int)result.Scores.GetValueOrDefault(e.Key)));
            lost = (int)Math.Max(lostInDatabase, lostInResult);
            log.WriteLine($"database: {stored.Values.Sum()} ballots stored, {lostInDatabase} acknowledged ones missing, {neverAcknowledged} never acknowledged; result: {lostInResult} approvals missing");
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Report what was measured so far, and say what stopped the run.
            errors++;
            log.WriteLine($"the run stopped early: {e.GetType().Name}: {e.Message}");
        }
        var acked = finalVotes.Count(v => v is not null);
        var cpu = (serverCpu?.Invoke() ?? TimeSpan.Zero) - cpu0;
        log.WriteLine($"snapshots asked by phones: {phones.SnapshotsAsked}");
        await phones.DisposeAsync();

        var baseline = BaselineReport.None;
        // The update the bare hub sends: the last one a phone received (any phone: one may have dropped).
        if (options.Baseline && Enumerable.Range(0, n).Select(receipts.Last).FirstOrDefault(u => u is not null) is { } lastUpdate)
        {
            try
            {
                baseline = await Baseline.RunAsync(n, options.SpreadSeconds, options.Interval, lastUpdate, log, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                log.WriteLine($"the bare hub's run stopped early: {e.GetType().Name}: {e.Message}");
            }
        }
        var ackMs = receipts.AckMs;
        var fanout = receipts.FanOut();
        return new LoadReport(n, options.SpreadSeconds, acked, lost, errors, Percentiles.Of(phones.JoinMs, 95), Percentiles.Of(ackMs, 50), Percentiles.Of(ackMs, 95), Percentiles.Of(ackMs, 99),
            Percentiles.Of(fanout, 50), Percentiles.Of(fanout, 95), Percentiles.Of(fanout, 99), baseline.FanoutP95Ms, bytesPerConnection, Math.Round(cpu.TotalSeconds, 1), Math.Round(wall.Elapsed.TotalSeconds, 1),
            Percentiles.Of(receipts.Delivery(), 95), baseline.DeliveryP95Ms, options.Interval.TotalMilliseconds, baseline.AckP95Ms, baseline.JoinP95Ms);
    }

    /// <summary>A facilitator's action: waits until the connection is back if it dropped (the console reconnects too).</summary>
    private static async Task<T> StaffAsync<T>(HubConnection facilitator, Func<HubConnection, Task<T>> action, CancellationToken ct)
    {
        await facilitator.EnsureConnectedAsync(ct);
        return await action(facilitator);
    }

    private static Task StaffAsync(HubConnection facilitator, Func<HubConnection, Task> action, CancellationToken ct) =>
        StaffAsync(facilitator, async h =>
        {
            await action(h);
            return true;
        }, ct);

    /// <summary>The ballots the database holds, by content: the ballot's ABIF export (aggregated, anonymous) read back.</summary>
    private static async Task<Dictionary<string, long>> StoredBallotsAsync(Staff staff, string slug, int ballotId, CancellationToken ct)
    {
        var abif = await staff.Http.GetStringAsync($"/api/tables/{slug}/ballots/{ballotId}/ballots.abif", ct);
        return Tables.Voting.Abif.Read(abif, Tables.Voting.VotingMethod.Approval).Ballots
            .GroupBy(b => Key(b.Values))
            .ToDictionary(g => g.Key, g => g.Sum(b => b.Count));
    }

    /// <summary>An approval ballot as the sorted list of the options it approves.</summary>
    private static string Key(VoteContent content) => Key(content.Values!);

    private static string Key(IReadOnlyDictionary<string, int> values) =>
        string.Join(',', values.Where(v => v.Value > 0).Select(v => v.Key).Order(StringComparer.Ordinal));

    /// <summary>True when the result shows exactly the expected approvals of every option.</summary>
    private static bool Shows(BallotResult? result, Dictionary<string, int> expected) =>
        result is not null && result.Scores.All(s => (int)s.Value == expected.GetValueOrDefault(s.Key)) && expected.Keys.All(result.Scores.ContainsKey);

    /// <summary>Phone i approves 1 to 6 options; the second round is another choice.</summary>
    internal static VoteContent Choice(int i, int round)
    {
        var count = 1 + (i + round) % 6;
        return new VoteContent { Values = Enumerable.Range(0, count).Select(k => BallotService.OptionToken((i * 7 + round * 3 + k) % 9)).Distinct().ToDictionary(t => t, _ => 1) };
    }
}
