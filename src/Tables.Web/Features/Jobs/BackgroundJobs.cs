using Microsoft.Extensions.Options;
using Tables.Web.Data;

namespace Tables.Web.Features.Jobs;

/// <summary>A background job: run at most once per <see cref="Interval"/> across every instance sharing the database.</summary>
public interface IBackgroundJob
{
    string Name { get; }
    TimeSpan Interval { get; }

    /// <summary>Runs in its own service scope, which has entered every table (system work; the job filters by table itself).</summary>
    Task RunAsync(IServiceProvider services, CancellationToken ct);
}

/// <summary>Settings of section <c>Jobs</c>.</summary>
public sealed class JobOptions
{
    /// <summary>How often each instance looks for due jobs. Off when 0 (tests run jobs themselves).</summary>
    public int TickSeconds { get; set; } = 60;
}

/// <summary>
/// Every tick, each instance tries to claim each due job (<see cref="JobLeases"/>); the one that claims it runs it, the
/// others skip it. A crashed instance's lease expires, so the job runs again on another instance.
/// </summary>
public sealed partial class JobScheduler(IServiceScopeFactory scopes, IEnumerable<IBackgroundJob> jobs, IOptions<JobOptions> options, TimeProvider clock,
    ILogger<JobScheduler> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);

    /// <summary>This process's name in the lease rows.</summary>
    public string Owner { get; } = $"{Environment.ProcessId}-{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.TickSeconds <= 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.TickSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var job in jobs)
            {
                await RunIfDueAsync(job, stoppingToken);
            }
        }
    }

    /// <summary>Claims and runs the job when it is due; false when another instance holds it or it ran too recently.</summary>
    public async Task<bool> RunIfDueAsync(IBackgroundJob job, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        // Jobs serve every table: each filters the rows it reads by table itself.
        scope.ServiceProvider.GetRequiredService<TableScope>().EnterAllTables();
        var db = scope.ServiceProvider.GetRequiredService<TablesDbContext>();
        if (!await JobLeases.TryClaimAsync(db, job.Name, Owner, job.Interval, Lease, clock.GetUtcNow().UtcDateTime, ct))
        {
            return false;
        }
        string? error = null;
        try
        {
            await job.RunAsync(scope.ServiceProvider, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            error = e.Message;
            LogFailed(logger, e, job.Name);
        }
        await JobLeases.ReleaseAsync(db, job.Name, Owner, clock.GetUtcNow().UtcDateTime, error, CancellationToken.None);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Background job {Job} failed.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string job);
}

public static class JobsFeature
{
    public static void AddJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<JobOptions>().Bind(builder.Configuration.GetSection("Jobs"));
        builder.Services.AddSingleton<JobScheduler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<JobScheduler>());
    }
}
