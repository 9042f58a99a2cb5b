using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Tables.Web.Features.Tally;

/// <summary>
/// At most <see cref="TallyOptions.MaxConcurrent"/> counts at once, then a queue of
/// <see cref="TallyOptions.QueueLength"/> (oldest first); a call that finds both full is refused at once. Shared by
/// every client: the per-address rate limit cannot stop many addresses from exhausting the server together.
/// </summary>
public sealed class TallyGate(IOptions<TallyOptions> options) : IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.MaxConcurrent,
        QueueLimit = options.Value.QueueLength,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>A lease to count (dispose it when done); not acquired when the counts and the queue are full.</summary>
    public ValueTask<RateLimitLease> EnterAsync(CancellationToken cancellationToken) => _limiter.AcquireAsync(1, cancellationToken);

    public void Dispose() => _limiter.Dispose();
}
