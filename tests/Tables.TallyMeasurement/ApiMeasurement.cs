using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Tables.Benchmarks;
using Tables.LoadTest;

namespace Tables.TallyMeasurement;

/// <summary>
/// <c>POST /api/tally?method=irv</c> with the goal's file (<see cref="BallotFileGenerator"/>) against the real app in
/// Release, as its own process on a real Kestrel (127.0.0.1): the time of each request as the client sees it, the
/// server's CPU time, and how much the server's resident memory grows (peak during the request, from /proc's
/// VmHWM reset before each request, and what stays after the runs), then the same with several requests at once.
/// Baseline in the same run: a bare line split of the same bytes in this process.
/// </summary>
public static class ApiMeasurement
{
    public static async Task<int> RunAsync(BallotFileGenerator.Shape shape, int runs, int concurrent, int warmup, TextWriter output)
    {
        var body = BallotFileGenerator.Generate(shape);
        output.WriteLine($"file: {body.Length:N0} bytes, {BallotFileGenerator.Lines:N0} ballot lines, {BallotFileGenerator.Options} options ({shape}); "
            + $"{Environment.ProcessorCount} cores; load average {LoadAverage()}");
        await using var server = await ServerProcess.StartAsync(LoadTestProgram.FindRepositoryRoot(), TimeSpan.FromMinutes(3),
            new ServerStart(Settings: new Dictionary<string, string> { ["Tally__PermitsPerMinute"] = "100000" }));
        using var client = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromMinutes(5) };

        var cold = await PostAsync(client, server, body);
        output.WriteLine($"first request (cold): {cold.Milliseconds:F0} ms, server peak +{cold.PeakGrowth / 1e6:F1} MB, status {cold.Status}");
        // Let the JIT finish with the hot paths (tiered compilation), as on a server that has run for a while.
        for (var i = 1; i < warmup; i++)
        {
            await PostAsync(client, server, body);
        }
        var before = Status(server.Pid, "VmRSS");
        var measured = new List<Measurement>();
        for (var i = 0; i < runs; i++)
        {
            measured.Add(await PostAsync(client, server, body));
        }
        var after = Status(server.Pid, "VmRSS");
        var times = measured.Select(m => m.Milliseconds).Order().ToArray();
        var baseline = Enumerable.Range(0, runs).Select(_ => LineSplit(body)).Order().ToArray();
        output.WriteLine($"{runs} requests: {string.Join(" / ", measured.Select(m => m.Milliseconds.ToString("F0", CultureInfo.InvariantCulture)))} ms "
            + $"(median {times[runs / 2]:F0} ms), server CPU {string.Join(" / ", measured.Select(m => m.CpuMilliseconds.ToString("F0", CultureInfo.InvariantCulture)))} ms "
            + $"(median {measured.Select(m => m.CpuMilliseconds).Order().ElementAt(runs / 2):F0} ms), "
            + $"status {string.Join(",", measured.Select(m => m.Status).Distinct())}");
        output.WriteLine($"server memory: peak growth during a request {measured.Max(m => m.PeakGrowth) / 1e6:F1} MB (max of {runs}), "
            + $"resident before {before / 1e6:F1} MB, after {after / 1e6:F1} MB (stays: {(after - before) / 1e6:+0.0;-0.0} MB)");
        output.WriteLine($"baseline, bare line split of the same bytes in this process: median {baseline[runs / 2]:F1} ms");
        output.WriteLine($"response: {measured[^1].Answer[..Math.Min(200, measured[^1].Answer.Length)]}");

        // Several at once: the server counts a few at a time and queues or refuses the others (Tally:MaxConcurrent).
        await File.WriteAllTextAsync($"/proc/{server.Pid}/clear_refs", "5");
        var rssBefore = Status(server.Pid, "VmRSS");
        var clock = Stopwatch.StartNew();
        var together = await Task.WhenAll(Enumerable.Range(0, concurrent).Select(_ => PostAsync(client, server, body, resetPeak: false)));
        output.WriteLine($"{concurrent} at once: {string.Join(" / ", together.Select(m => $"{m.Milliseconds:F0} ms {m.Status}"))}, all done in "
            + $"{clock.Elapsed.TotalMilliseconds:F0} ms; server peak growth {(Status(server.Pid, "VmHWM") - rssBefore) / 1e6:F1} MB");
        return measured.All(m => m.Status == 200) ? 0 : 1;
    }

    private sealed record Measurement(double Milliseconds, double CpuMilliseconds, long PeakGrowth, int Status, string Answer);

    private static async Task<Measurement> PostAsync(HttpClient client, ServerProcess server, byte[] body, bool resetPeak = true)
    {
        if (resetPeak)
        {
            // Writing 5 to clear_refs resets the peak resident size (VmHWM) to the current one.
            await File.WriteAllTextAsync($"/proc/{server.Pid}/clear_refs", "5");
        }
        var rss = Status(server.Pid, "VmRSS");
        var cpu = server.CpuTime();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsync("/api/tally?method=irv", content);
        var answer = await response.Content.ReadAsStringAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var peak = Status(server.Pid, "VmHWM");
        return new Measurement(elapsed, (server.CpuTime() - cpu).TotalMilliseconds, peak - rss, (int)response.StatusCode, answer);
    }

    /// <summary>A field of /proc/PID/status in bytes (the file gives kB).</summary>
    private static long Status(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    private static double LineSplit(byte[] body)
    {
        var clock = Stopwatch.StartNew();
        using var reader = new StreamReader(new MemoryStream(body), Encoding.UTF8);
        var lines = 0;
        while (reader.ReadLine() is not null)
        {
            lines++;
        }
        return lines > 0 ? clock.Elapsed.TotalMilliseconds : 0;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "?";
}
