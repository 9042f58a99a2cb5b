namespace Tables.LoadTest;

/// <summary>dotnet run -c Release --project tests/Tables.LoadTest -- --participants 2000 (or --portrait-page: the portrait page's render time)</summary>
public static class LoadTestProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--portrait-page"))
        {
            return await PortraitPageRun.RunAsync(args);
        }
        var options = LoadOptions.Parse(args);
        Console.WriteLine($"Tables load test: {options.Participants} participants, {Environment.ProcessorCount} cores");
        LoadReport report;
        if (options.Url is { } url)
        {
            var server = options.ServerPid is { } pid ? System.Diagnostics.Process.GetProcessById(pid) : null;
            report = await new LoadRun(options, Console.Out).RunAsync(url, server is null ? null : () =>
            {
                server.Refresh();
                return server.WorkingSet64;
            }, server is null ? null : () =>
            {
                server.Refresh();
                return server.TotalProcessorTime;
            });
        }
        else
        {
            var root = FindRepositoryRoot();
            var settings = options.UpdateInterval is { } interval
                ? new Dictionary<string, string> { ["Live__UpdateIntervalMs"] = ((int)interval.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) }
                : null;
            await using var server = await ServerProcess.StartAsync(root, TimeSpan.FromMinutes(3), new ServerStart(Settings: settings));
            Console.WriteLine($"server {server.Url} (pid {server.Pid}, data {server.DataDirectory})");
            report = await new LoadRun(options, Console.Out).RunAsync(server.Url, server.ResidentBytes, server.CpuTime);
        }
        Console.WriteLine($"acked {report.Acked}/{report.Participants}, lost {report.Lost}, errors {report.Errors}");
        Console.WriteLine($"join p95 {report.JoinP95Ms} ms (bare hub {report.BaselineJoinP95Ms} ms); ack p50/p95/p99 {report.AckP50Ms}/{report.AckP95Ms}/{report.AckP99Ms} ms (bare hub p95 {report.BaselineAckP95Ms} ms)");
        Console.WriteLine($"fan-out p50/p95/p99 {report.FanoutP50Ms}/{report.FanoutP95Ms}/{report.FanoutP99Ms} ms (updates every {report.IntervalMs} ms; bare hub p95 {report.BaselineFanoutP95Ms} ms, × {report.FanoutRatio})");
        Console.WriteLine($"delivery p95 {report.DeliveryP95Ms} ms (bare hub {report.BaselineDeliveryP95Ms} ms, × {report.DeliveryRatio})");
        Console.WriteLine($"server: {report.BytesPerConnection} bytes per connection, {report.ServerCpuSeconds} s CPU; run {report.WallSeconds} s");
        Console.WriteLine(report.ToJson());
        return report.Lost == 0 && report.Errors == 0 ? 0 : 1;
    }

    public static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tables.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Tables.sln not found above " + AppContext.BaseDirectory);
    }
}
