namespace Tables.LoadTest;

/// <summary>Command-line options: <c>--participants N</c>, <c>--url URL</c> (else the app is started), <c>--duration SECONDS</c>.</summary>
public sealed record LoadOptions(int Participants, Uri? Url, TimeSpan Duration, bool Baseline)
{
    public static LoadOptions Parse(string[] args)
    {
        var participants = 2000;
        Uri? url = null;
        var duration = TimeSpan.FromMinutes(5);
        var baseline = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--participants": participants = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--url": url = new Uri(args[++i]); break;
                case "--duration": duration = TimeSpan.FromSeconds(double.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture)); break;
                case "--no-baseline": baseline = false; break;
                default: throw new ArgumentException($"unknown option {args[i]} (--participants N, --url URL, --duration SECONDS, --no-baseline)");
            }
        }
        if (url is not null && !url.IsLoopback)
        {
            throw new ArgumentException("the load test only targets this machine (127.0.0.1 / localhost)");
        }
        return new LoadOptions(participants, url, duration, baseline);
    }
}
