using System.ComponentModel.DataAnnotations;

namespace Tables.Web.Features.Tally;

/// <summary>Settings of <c>POST /api/tally</c> (section <c>Tally</c>), checked at start.</summary>
public sealed class TallyOptions
{
    public const string Section = "Tally";

    /// <summary>Calls per minute and client address.</summary>
    [Range(1, 10_000_000)]
    public int PermitsPerMinute { get; set; } = 60;

    /// <summary>Counts running at once (a 10 MB file keeps one core busy for a few tenths of a second).</summary>
    [Range(1, 64)]
    public int MaxConcurrent { get; set; } = 2;

    /// <summary>Calls waiting for a running count to end; beyond them the answer is 503 with Retry-After.</summary>
    [Range(0, 1000)]
    public int QueueLength { get; set; } = 4;

    /// <summary>The Retry-After of a 503 when every count is taken and the queue is full.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>How long a call may wait in the queue and then send its body: a slow client cannot hold a count.</summary>
    [Range(0.01, 3600)]
    public double TimeoutSeconds { get; set; } = 30;
}
