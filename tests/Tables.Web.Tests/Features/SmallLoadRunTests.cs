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
        Assert.True(double.IsFinite(report.FanoutP95Ms) && double.IsFinite(report.DeliveryP95Ms), output.ToString());
        Assert.True(double.IsFinite(report.BaselineFanoutP95Ms) && double.IsFinite(report.BaselineDeliveryP95Ms), output.ToString());
        Assert.EndsWith("}", report.ToJson(), StringComparison.Ordinal);
    }

    public void Dispose() => _app.Dispose();

    private sealed class KestrelApp : TablesAppFactory;
}
