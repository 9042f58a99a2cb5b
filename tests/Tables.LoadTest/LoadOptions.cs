namespace Tables.LoadTest;

/// <summary>
/// Command-line options: <c>--participants N</c>, <c>--url URL</c> (else the app is started), <c>--duration SECONDS</c>,
/// <c>--spread SECONDS</c> (votes of a round arrive at seeded random moments over that window, as a room votes; 0 = all
/// at the same instant), <c>--interval-ms MS</c> (the server's live-update interval: given to the server the test starts,
/// and used by the baseline; default the app's), <c>--no-baseline</c>, <c>--legacy-phones</c> (phones that ask for a
/// snapshot on every change and after every ack, as the phone page did before #13), <c>--server-pid PID</c> (with
/// <c>--url</c>: the server process whose CPU time the run reports).
/// </summary>
public sealed record LoadOptions(int Participants, Uri? Url, TimeSpan Duration, bool Baseline, double SpreadSeconds = 0, TimeSpan? UpdateInterval = null,
    bool LegacyPhones = false, int? ServerPid = null)
{
    public static LoadOptions Parse(string[] args)
    {
        var participants = 2000;
        Uri? url = null;
        var duration = TimeSpan.FromMinutes(5);
        var baseline = true;
        var spread = 20.0;
        TimeSpan? interval = null;
        var legacy = false;
        int? pid = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--participants": participants = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--url": url = new Uri(args[++i]); break;
                case "--duration": duration = TimeSpan.FromSeconds(double.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture)); break;
                case "--no-baseline": baseline = false; break;
                case "--spread": spread = double.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--interval-ms": interval = TimeSpan.FromMilliseconds(int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture)); break;
                case "--legacy-phones": legacy = true; break;
                case "--server-pid": pid = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown option {args[i]} (--participants N, --url URL, --duration SECONDS, --spread SECONDS, --interval-ms MS, --no-baseline, --legacy-phones, --server-pid PID)");
            }
        }
        if (url is not null && !url.IsLoopback)
        {
            throw new ArgumentException("the load test only targets this machine (127.0.0.1 / localhost)");
        }
        return new LoadOptions(participants, url, duration, baseline, spread, interval, legacy, pid);
    }

    /// <summary>The live-update interval of the server under test: the one given, else the app's default.</summary>
    public TimeSpan Interval => UpdateInterval ?? TimeSpan.FromMilliseconds(Tables.Web.Features.Live.LiveOptions.DefaultIntervalMs);
}
