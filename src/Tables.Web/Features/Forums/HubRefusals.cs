namespace Tables.Web.Features.Forums;

/// <summary>
/// Logs refused hub calls (a wrong code, too many calls, an invalid ballot, a facilitator method called by a phone): a
/// refusal is information, not a failure — one short line at Information, no stack trace — and at most
/// <see cref="LinesPerSecond"/> lines a second for the whole process, then one line saying how many were left out, so
/// someone guessing codes cannot fill the disk (ten seconds of guessing used to write 8 MB of "fail:" with stack traces).
/// SignalR's own dispatcher, which logged each of them again as an error, is silenced in <see cref="ForumsFeature"/>:
/// every exception of a hub method passes through <see cref="ForumHubErrors"/>, which logs real failures itself.
/// </summary>
public sealed partial class HubRefusals(ILogger<HubRefusals> logger, TimeProvider clock)
{
    public const int LinesPerSecond = 20;
    private const int ReasonMax = 120;
    private readonly Lock _gate = new();
    private long _second;
    private int _lines;
    private int _left;

    public void Refused(string method, string reason)
    {
        int left;
        lock (_gate)
        {
            var second = clock.GetUtcNow().ToUnixTimeSeconds();
            left = 0;
            if (second != _second)
            {
                (_second, _lines, left, _left) = (second, 0, _left, 0);
            }
            if (++_lines > LinesPerSecond)
            {
                _left++;
                return;
            }
        }
        if (left > 0)
        {
            LogLeftOut(logger, left);
        }
        LogRefused(logger, method, Short(reason));
    }

    /// <summary>One line, short: the reason may carry what a caller typed (an option's token).</summary>
    private static string Short(string reason)
    {
        var line = new string([.. reason.Take(ReasonMax).Select(c => char.IsControl(c) ? ' ' : c)]);
        return reason.Length > ReasonMax ? line + "…" : line;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hub call {Method} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} more refused hub calls were not logged in the last second.")]
    private static partial void LogLeftOut(ILogger logger, int count);
}
