using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Tables.Web.Data;

using Tables.Web.Features.Ballots;

namespace Tables.Web.Features.Forums;

/// <summary>
/// The single writer of a live forum. Every cast, change and paper entry — and the rows a whole room adds at once:
/// participants joining, ideas — goes through one channel and is written in batches, one transaction per batch, so
/// SQLite never sees competing writers; a vote is acknowledged only once its batch has committed. Closing a ballot goes
/// through the same channel, so every vote acknowledged before the close is counted and every vote after it is refused.
/// Competing writers are not only slower: Microsoft.Data.Sqlite answers a busy database by blocking the thread in
/// 150 ms sleeps until the lock is free, which made 2,000 phones joining at once wait up to a second
/// (docs/PERFORMANCE.md).
/// </summary>
public sealed partial class ForumWriter : BackgroundService
{
    private const int MaxBatch = 512;
    private readonly Channel<WriteRequest> _queue = Channel.CreateUnbounded<WriteRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger<ForumWriter> _logger;

    public ForumWriter(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ForumWriter> logger)
    {
        _scopes = scopes;
        _clock = clock;
        _logger = logger;
    }

    public Task<VoteOutcome> CastAsync(int tableId, int ballotId, int? participantId, string? group, VoteContent content, string? clientMessageId, bool isPaper = false)
    {
        var request = new CastRequest(tableId, ballotId, participantId, group, content, clientMessageId, isPaper);
        _queue.Writer.TryWrite(request);
        return request.Done.Task;
    }

    /// <summary>
    /// Adds a new row (a participant, an idea) in the next batch; completes once it is committed, with its key set.
    /// </summary>
    public Task InsertAsync(object row)
    {
        var request = new InsertRequest(row);
        _queue.Writer.TryWrite(request);
        return request.Done.Task;
    }

    /// <summary>
    /// Runs <paramref name="close"/> in the writer's turn, after every vote queued before it: the closing step sees
    /// exactly the acknowledged votes. It receives a DbContext and must save its own changes.
    /// </summary>
    public Task<T> InTurnAsync<T>(Func<TablesDbContext, Task<T>> close)
    {
        var request = new TurnRequest<T>(close);
        _queue.Writer.TryWrite(request);
        return request.Done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<WriteRequest>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var request))
            {
                if (request is CastRequest or InsertRequest)
                {
                    batch.Add(request);
                    continue;
                }
                // A turn (closing a ballot) waits for the votes before it, then runs alone.
                await WriteBatchAsync(batch);
                batch.Clear();
                await RunTurnAsync(request);
            }
            await WriteBatchAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteBatchAsync(List<WriteRequest> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }
        try
        {
            var outcomes = await WriteAsync(batch);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Complete(outcomes[i]);
            }
        }
        catch (Exception e) when (batch.Count > 1)
        {
            // One bad request must not fail the others: write them one by one.
            LogBatchRetry(_logger, e, batch.Count);
            foreach (var request in batch)
            {
                await WriteBatchAsync([request]);
            }
        }
        catch (Exception e)
        {
            LogWriteFailed(_logger, e);
            batch[0].Fail(e);
        }
    }

    /// <summary>Writes a batch in one transaction: the outcome of each cast, null for an inserted row.</summary>
    private async Task<VoteOutcome?[]> WriteAsync(List<WriteRequest> batch)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = WriterContext(scope);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var casts = batch.OfType<CastRequest>().ToList();
        var ballotIds = casts.Select(r => r.BallotId).Distinct().ToList();
        var open = (await db.Ballots.Where(b => ballotIds.Contains(b.Id) && b.Status == BallotStatus.Open).Select(b => b.Id).ToListAsync()).ToHashSet();
        var participantIds = casts.Where(r => r.ParticipantId is not null).Select(r => r.ParticipantId!.Value).Distinct().ToList();
        var existing = await db.Votes.Where(v => ballotIds.Contains(v.BallotId) && v.ParticipantId != null && participantIds.Contains(v.ParticipantId.Value))
            .ToDictionaryAsync(v => (v.BallotId, v.ParticipantId!.Value));
        var paperIds = casts.Where(r => r.IsPaper && r.ClientMessageId is not null).Select(r => r.ClientMessageId!).ToList();
        var paperSeen = (await db.Votes.Where(v => v.IsPaper && ballotIds.Contains(v.BallotId) && paperIds.Contains(v.ClientMessageId!))
            .Select(v => new { v.BallotId, v.ClientMessageId }).ToListAsync()).Select(v => (v.BallotId, v.ClientMessageId!)).ToHashSet();

        var now = _clock.GetUtcNow().UtcDateTime;
        var outcomes = new VoteOutcome?[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i] is InsertRequest insert)
            {
                db.Add(insert.Row);
                continue;
            }
            var r = (CastRequest)batch[i];
            if (!open.Contains(r.BallotId))
            {
                outcomes[i] = VoteOutcome.NotOpen;
            }
            else if (r.IsPaper)
            {
                if (r.ClientMessageId is not null && !paperSeen.Add((r.BallotId, r.ClientMessageId)))
                {
                    outcomes[i] = VoteOutcome.Duplicate;
                    continue;
                }
                db.Votes.Add(new Vote { TableId = r.TableId, BallotId = r.BallotId, IsPaper = true, Group = r.Group, Content = r.Content, ClientMessageId = r.ClientMessageId, CastAt = now });
                outcomes[i] = VoteOutcome.Stored;
            }
            else if (existing.TryGetValue((r.BallotId, r.ParticipantId!.Value), out var vote))
            {
                if (r.ClientMessageId is not null && vote.ClientMessageId == r.ClientMessageId)
                {
                    outcomes[i] = VoteOutcome.Duplicate;
                    continue;
                }
                vote.Content = r.Content;
                vote.Group = r.Group;
                vote.ClientMessageId = r.ClientMessageId;
                vote.CastAt = now;
                outcomes[i] = VoteOutcome.Stored;
            }
            else
            {
                vote = new Vote { TableId = r.TableId, BallotId = r.BallotId, ParticipantId = r.ParticipantId, Group = r.Group, Content = r.Content, ClientMessageId = r.ClientMessageId, CastAt = now };
                db.Votes.Add(vote);
                existing[(r.BallotId, r.ParticipantId.Value)] = vote;
                outcomes[i] = VoteOutcome.Stored;
            }
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return outcomes;
    }

    private async Task RunTurnAsync(WriteRequest request)
    {
        await using var scope = _scopes.CreateAsyncScope();
        await request.RunAsync(WriterContext(scope));
    }

    private static TablesDbContext WriterContext(AsyncServiceScope scope)
    {
        // The single writer serves every forum of the instance: it writes what authorized hub calls and screens queued.
        scope.ServiceProvider.GetRequiredService<TableScope>().EnterAllTables();
        return scope.ServiceProvider.GetRequiredService<TablesDbContext>();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} forum writes failed; writing them one by one.")]
    private static partial void LogBatchRetry(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A forum write (vote, participant or idea) could not be done.")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception);

    private abstract class WriteRequest
    {
        public virtual Task RunAsync(TablesDbContext db) => Task.CompletedTask;

        /// <summary>Its batch committed (a cast's outcome; null for a row).</summary>
        public virtual void Complete(VoteOutcome? outcome)
        {
        }

        public virtual void Fail(Exception e)
        {
        }
    }

    private sealed class InsertRequest(object row) : WriteRequest
    {
        public object Row { get; } = row;
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Complete(VoteOutcome? outcome) => Done.TrySetResult();

        public override void Fail(Exception e) => Done.TrySetException(e);
    }

    private sealed class CastRequest(int tableId, int ballotId, int? participantId, string? group, VoteContent content, string? clientMessageId, bool isPaper) : WriteRequest
    {
        public int TableId { get; } = tableId;
        public int BallotId { get; } = ballotId;
        public int? ParticipantId { get; } = participantId;
        public string? Group { get; } = group;
        public VoteContent Content { get; } = content;
        public string? ClientMessageId { get; } = clientMessageId;
        public bool IsPaper { get; } = isPaper;
        public TaskCompletionSource<VoteOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Complete(VoteOutcome? outcome) => Done.TrySetResult(outcome!.Value);

        public override void Fail(Exception e) => Done.TrySetException(e);
    }

    private sealed class TurnRequest<T>(Func<TablesDbContext, Task<T>> run) : WriteRequest
    {
        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task RunAsync(TablesDbContext db)
        {
            try
            {
                Done.TrySetResult(await run(db));
            }
            catch (Exception e)
            {
                Done.TrySetException(e);
            }
        }
    }
}
