using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;

using Tables.Testing;

namespace Tables.LoadTest;

/// <summary>
/// Figures of the bare hub: fan-out (ack → update on every client), delivery (first → last client of one update), ack,
/// and join (connect, then join the group).
/// </summary>
public sealed record BaselineReport(double FanoutP95Ms, double DeliveryP95Ms, double AckP95Ms, double JoinP95Ms)
{
    public static readonly BaselineReport None = new(double.NaN, double.NaN, double.NaN, double.NaN);
}

/// <summary>
/// The floor to compare with: a bare SignalR hub on Kestrel (127.0.0.1) doing the same job under the same rules, and
/// nothing else. The same number of clients join a group; each sends the same ballot messages at the same moments
/// (<see cref="VoteRounds"/>); the hub acknowledges at once (no validation, no database) and, on the same update
/// interval the forum uses (updates are coalesced: at most ~4–5 a second per ballot, issue #5), broadcasts the same
/// <see cref="BallotResults"/> the phones received from the app. What remains between the app's figures and these is
/// what the app itself costs: checking and storing ballots, counting, reading figures.
/// </summary>
public static class Baseline
{
    public static async Task<BaselineReport> RunAsync(int clients, double spreadSeconds, TimeSpan interval, BallotResults update, TextWriter log, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSignalR();
        builder.Services.AddSingleton(new BareRoom(update));
        builder.Services.AddHostedService(sp => new BareBroadcaster(sp.GetRequiredService<BareRoom>(), sp.GetRequiredService<IHubContext<BareHub>>(), interval));
        await using var app = builder.Build();
        app.MapHub<BareHub>("/bare");
        await app.StartAsync(ct);
        var url = new Uri(app.Urls.First());

        var receipts = new Receipts(clients);
        var phones = await Phones.ConnectAsync(clients, () => Staff.Connect(url, hub: "/bare"), (c, token) => c.InvokeAsync(nameof(BareHub.Join), token), receipts, log, ct);
        var dropped = 0;
        await VoteRounds.RunAsync(clients, spreadSeconds, TextWriter.Null, async (i, round) =>
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                await phones.Connections[i].CastAsync(new CastRequest(update.BallotId, LoadRun.Choice(i, round), Guid.NewGuid().ToString("N")), ct);
                receipts.Acked(start);
            }
            catch (Exception e) when (e is InvalidOperationException or Microsoft.AspNetCore.SignalR.HubException or IOException)
            {
                // A client that could not join, or dropped, on a saturated machine: counted; the others are still measured.
                Interlocked.Increment(ref dropped);
            }
        }, ct);
        if (dropped > 0)
        {
            log.WriteLine($"baseline: {dropped} ballots could not be sent (client not connected)");
        }
        // The bare hub's final update counts every ballot sent.
        var missing = await receipts.MissingFinalUpdateAsync(r => r.Cast == clients * VoteRounds.Count, TimeSpan.FromSeconds(30), ct);
        await phones.DisposeAsync();
        await app.StopAsync(ct);
        var report = new BaselineReport(Percentiles.Of(receipts.FanOut(), 95), Percentiles.Of(receipts.Delivery(), 95), Percentiles.Of(receipts.AckMs, 95), Percentiles.Of(phones.JoinMs, 95));
        log.WriteLine($"baseline (bare hub, {clients} connections, same ballots and interval): fan-out p95 {report.FanoutP95Ms} ms, delivery p95 {report.DeliveryP95Ms} ms, ack p95 {report.AckP95Ms} ms, join p95 {report.JoinP95Ms} ms"
            + (missing > 0 ? $"; {missing} clients missed the last update" : ""));
        return report;
    }

    private sealed class BareHub(BareRoom room) : Hub
    {
        public Task Join() => Groups.AddToGroupAsync(Context.ConnectionId, "room");

        public CastAck Cast(CastRequest request)
        {
            room.Count();
            return new CastAck(request.BallotId, VoteOutcome.Stored, request.ClientMessageId);
        }
    }

    /// <summary>The ballot's figures: a count and a flag saying they changed since the last update.</summary>
    private sealed class BareRoom(BallotResults update)
    {
        private int _cast;
        private int _changed;
        private long _version = update.Version;

        public void Count()
        {
            Interlocked.Increment(ref _cast);
            Volatile.Write(ref _changed, 1);
        }

        public BallotResults? TakeUpdate() =>
            Interlocked.Exchange(ref _changed, 0) == 1 ? update with { Version = Interlocked.Increment(ref _version), Cast = Volatile.Read(ref _cast) } : null;
    }

    private sealed class BareBroadcaster(BareRoom room, IHubContext<BareHub> hub, TimeSpan interval) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(interval);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (room.TakeUpdate() is { } results)
                {
                    await hub.Clients.Group("room").SendAsync(nameof(IForumClient.ResultsChanged), results, stoppingToken);
                }
            }
        }
    }
}
