using Tables.LoadTest;

namespace Tables.Web.Tests.Features;

/// <summary>
/// The load test, small: 200 phones on a real Kestrel port. Checks correctness (every acknowledged ballot counted,
/// no error), not speed — figures are measured by the full run (docs/PERFORMANCE.md). The bare-hub baseline runs too,
/// so the figures the full run compares with stay measurable.
/// </summary>
public sealed class SmallLoadRunTests : IDisposable
{
    private readonly KestrelApp _app = new();

    [Fact]
    public async Task Two_hundred_phones_vote_and_change_and_nothing_is_lost()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        var url = new Uri(_app.ClientOptions.BaseAddress.GetLeftPart(UriPartial.Authority).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        var output = new StringWriter();
        var report = await new LoadRun(new LoadOptions(200, url, TimeSpan.FromMinutes(3), Baseline: true), output)
            .RunAsync(url, ct: TestContext.Current.CancellationToken);

        Assert.True(report.Errors == 0, output.ToString());
        Assert.Equal(200, report.Acked);
        Assert.Equal(0, report.Lost);
        Assert.Contains("database: 200 ballots stored, 0 acknowledged ones missing, 0 never acknowledged; result: 0 approvals missing", output.ToString());
        // Every figure was measured (positive, finite), for the app and for the bare hub of the same run.
        foreach (var (name, value) in new[]
        {
            ("join p95", report.JoinP95Ms), ("ack p95", report.AckP95Ms), ("fan-out p95", report.FanoutP95Ms), ("delivery p95", report.DeliveryP95Ms),
            ("bare hub fan-out p95", report.BaselineFanoutP95Ms), ("bare hub ack p95", report.BaselineAckP95Ms), ("bare hub join p95", report.BaselineJoinP95Ms),
        })
        {
            Assert.True(double.IsFinite(value) && value > 0, $"{name} = {value}\n{output}");
        }
        Assert.True(report.AckP50Ms <= report.AckP95Ms && report.AckP95Ms <= report.AckP99Ms, output.ToString());
        // A fan-out waits for the next coalesced update: never less than nothing, never more than the run.
        Assert.InRange(report.FanoutP95Ms, 0, report.WallSeconds * 1000);
        // The report's JSON line (the console's last line) has the same figures.
        using var document = System.Text.Json.JsonDocument.Parse(report.ToJson());
        var json = document.RootElement;
        Assert.Equal(200, json.GetProperty("participants").GetInt32());
        Assert.Equal(0, json.GetProperty("lost").GetInt32());
        Assert.Equal(report.FanoutP95Ms, json.GetProperty("fanoutP95Ms").GetDouble());
        Assert.Equal(report.FanoutRatio, json.GetProperty("fanoutRatio").GetDouble());
    }

    public void Dispose() => _app.Dispose();

    private sealed class KestrelApp : TablesAppFactory;
}
