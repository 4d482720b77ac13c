using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using LiveGrains.Contracts.EventLog;
using LiveGrains.Contracts.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LiveGrains.Storage.EventLog;

/// <summary>
/// The event log on Postgres, one per silo. Appends from all LIVE grains queue up; a few writers each take what is
/// waiting (up to <see cref="EventLogOptions.MaxBatchEvents"/>, after a short group-commit wait) and write it with
/// one binary COPY, then complete every append in it. An append completes only after its COPY committed; when the
/// COPY fails, every append in it fails with <see cref="IngestUnavailableException"/>.
/// The queue has no bound of its own: a LIVE grain has at most one append in flight, so the active LIVEs bound it.
/// It is a lock-free queue with a wake-up signal, because thousands of appenders contending for a channel's lock
/// cost more CPU than the COPYs.
/// </summary>
public sealed partial class PostgresLiveEventLog : ILiveEventLog, IAsyncDisposable
{
    private const string ReadAfter = "SELECT seq, envelope::text FROM live_event_log WHERE live_id = @live_id AND seq > @after ORDER BY seq";

    private readonly NpgsqlDataSource _dataSource;
    private readonly EventLogOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<PostgresLiveEventLog> _logger;
    private readonly ConcurrentQueue<PendingAppend> _queue = new();
    private readonly SemaphoreSlim _wakeUp = new(0);
    private int _wakeUpPending;
    private volatile bool _closed;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task[] _writers;
    private readonly SemaphoreSlim _partitionLock = new(1, 1);
    private DateOnly _partitionsFrom;
    private long _commits;
    private long _committedEvents;

    /// <summary>Starts the writers.</summary>
    public PostgresLiveEventLog(NpgsqlDataSource dataSource, IOptions<EventLogOptions> options, TimeProvider clock, ILogger<PostgresLiveEventLog> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _dataSource = dataSource;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        _writers = Enumerable.Range(0, Math.Max(1, _options.Writers)).Select(_ => Task.Run(WriteLoop)).ToArray();
    }

    /// <summary>COPYs committed so far and the events in them: their ratio is the group commit's batch size.</summary>
    public (long Commits, long Events) Committed => (Interlocked.Read(ref _commits), Interlocked.Read(ref _committedEvents));

    /// <inheritdoc />
    public Task AppendAsync(string liveId, SequencedEvents events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events.Events);
        if (events.Events.Count == 0) return Task.CompletedTask;
        if (_closed) return Task.FromException(Unavailable("the event log is shutting down", null));
        var pending = new PendingAppend(events);
        _queue.Enqueue(pending);
        // One wake-up per batch of appends: only the first append after a writer woke signals again.
        if (Interlocked.Exchange(ref _wakeUpPending, 1) == 0) _wakeUp.Release();
        // The caller awaits the append's own task: no state machine of ours in between.
        return cancellationToken.CanBeCanceled ? pending.Task.WaitAsync(cancellationToken) : pending.Task;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<LoggedEvent> ReadAfterAsync(string liveId, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(ReadAfter);
        command.Parameters.AddWithValue("live_id", liveId);
        command.Parameters.AddWithValue("after", afterSequence);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var sequence = reader.GetInt64(0);
            if (!EventJson.TryParse(Encoding.UTF8.GetBytes(reader.GetString(1)), out var parsed, out var error))
                throw new InvalidDataException($"Event log row {liveId}#{sequence} does not parse: {error}");
            yield return new LoggedEvent(sequence, parsed!);
        }
    }

    /// <inheritdoc />
    public Task CheckpointedAsync(string liveId, long sequence, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Stops taking appends, lets the writers finish what is queued, and waits for them.</summary>
    public async ValueTask DisposeAsync()
    {
        _closed = true;
        _wakeUp.Release(_writers.Length);
        try
        {
            await Task.WhenAll(_writers).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            await _stopping.CancelAsync();
        }
        // An append that slipped in as the writers stopped is refused, never left waiting.
        while (_queue.TryDequeue(out var late)) late.TrySetException(Unavailable("the event log is shutting down", null));
        _stopping.Dispose();
        _partitionLock.Dispose();
        _wakeUp.Dispose();
    }

    private async Task WriteLoop()
    {
        var batch = new List<PendingAppend>();
        while (true)
        {
            if (_queue.IsEmpty)
            {
                if (_closed) return;
                await _wakeUp.WaitAsync(CancellationToken.None);
                // Reset before draining: an append queued from here on signals again, one queued before is drained now.
                Volatile.Write(ref _wakeUpPending, 0);
            }
            var events = Drain(batch, 0);
            if (events == 0) continue;
            if (events < _options.MaxBatchEvents && _options.GroupCommitDelay > TimeSpan.Zero)
            {
                // Group commit: a moment for the appends of other LIVEs to join this COPY.
                await Task.Delay(_options.GroupCommitDelay, CancellationToken.None);
                events = Drain(batch, events);
            }
            await Commit(batch, events);
            batch.Clear();
        }
    }

    private int Drain(List<PendingAppend> batch, int events)
    {
        while (events < _options.MaxBatchEvents && _queue.TryDequeue(out var next))
        {
            batch.Add(next);
            events += next.Events.Events.Count;
        }
        return events;
    }

    private async Task Commit(List<PendingAppend> batch, int events)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var now = _clock.GetUtcNow();
            await EnsurePartitions(DateOnly.FromDateTime(now.UtcDateTime), _stopping.Token);
            await using (var connection = await _dataSource.OpenConnectionAsync(_stopping.Token))
            {
                await EventLogCopy.WriteAsync(connection, batch.Select(p => p.Events), now, _stopping.Token);
            }
            Acknowledge([.. batch]);
            Interlocked.Increment(ref _commits);
            Interlocked.Add(ref _committedEvents, events);
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogCommitted(_logger, events, batch.Count, elapsed.TotalMilliseconds);
        }
        catch (Exception ex)
        {
            LogCommitFailed(_logger, ex, events, batch.Count);
            var failure = Unavailable("the event log could not be written", ex);
            foreach (var pending in batch) pending.TrySetException(failure);
        }
    }

    // One work item completes the whole COPY's appends, and their continuations run inline in it (a grain's continuation
    // is posted to its own scheduler anyway): a work item per append cost more than the COPY. The writer goes on at once.
    private static void Acknowledge(PendingAppend[] committed) =>
        ThreadPool.UnsafeQueueUserWorkItem(static appends =>
        {
            foreach (var pending in appends) pending.TrySetResult();
        }, committed, preferLocal: false);

    private async Task EnsurePartitions(DateOnly today, CancellationToken cancellationToken)
    {
        if (_partitionsFrom == today) return;
        await _partitionLock.WaitAsync(cancellationToken);
        try
        {
            if (_partitionsFrom == today) return;
            await using var command = _dataSource.CreateCommand("SELECT livegrains_ensure_event_log_partitions(@day, 3)");
            command.Parameters.AddWithValue("day", today);
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException ex)
            {
                // Typically rows of that day already sit in the default partition: they stay there, which is correct,
                // only retention of that day is then by hand. Appends must not fail for it.
                LogPartitionFailed(_logger, ex, today);
            }
            _partitionsFrom = today;
        }
        finally
        {
            _partitionLock.Release();
        }
    }

    private IngestUnavailableException Unavailable(string reason, Exception? cause)
    {
        var message = $"Ingest is unavailable: {reason}. Nothing of this call was acknowledged; retry with the same event ids.";
        return cause is null
            ? new IngestUnavailableException(message) { RetryAfter = _options.RetryAfter }
            : new IngestUnavailableException(message, cause) { RetryAfter = _options.RetryAfter };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event log committed {Events} events of {Appends} appends in {Milliseconds} ms")]
    private static partial void LogCommitted(ILogger logger, int events, int appends, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event log commit of {Events} events ({Appends} appends) failed")]
    private static partial void LogCommitFailed(ILogger logger, Exception exception, int events, int appends);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event log partitions from {Day} could not be created; rows of that day go to the default partition")]
    private static partial void LogPartitionFailed(ILogger logger, Exception exception, DateOnly day);
}
