using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
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
/// </summary>
public sealed partial class PostgresLiveEventLog : ILiveEventLog, IAsyncDisposable
{
    private const string ReadAfter = "SELECT seq, envelope::text FROM live_event_log WHERE live_id = @live_id AND seq > @after ORDER BY seq";

    private readonly NpgsqlDataSource _dataSource;
    private readonly EventLogOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<PostgresLiveEventLog> _logger;
    private readonly Channel<PendingAppend> _queue;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task[] _writers;
    private readonly SemaphoreSlim _partitionLock = new(1, 1);
    private DateOnly _partitionsFrom;

    /// <summary>Starts the writers.</summary>
    public PostgresLiveEventLog(NpgsqlDataSource dataSource, IOptions<EventLogOptions> options, TimeProvider clock, ILogger<PostgresLiveEventLog> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _dataSource = dataSource;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        _queue = Channel.CreateBounded<PendingAppend>(new BoundedChannelOptions(Math.Max(1, _options.QueueCapacity))
        {
            SingleWriter = false,
            SingleReader = _options.Writers <= 1,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _writers = Enumerable.Range(0, Math.Max(1, _options.Writers)).Select(_ => Task.Run(WriteLoop)).ToArray();
    }

    /// <inheritdoc />
    public async Task AppendAsync(string liveId, IReadOnlyList<LoggedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0) return;
        var pending = new PendingAppend(events.Select(EventLogRow.From).ToArray());
        try
        {
            await _queue.Writer.WriteAsync(pending, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            throw Unavailable("the event log is shutting down", null);
        }
        await pending.Done.Task.WaitAsync(cancellationToken);
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
            using var json = JsonDocument.Parse(reader.GetString(1));
            if (!EventJson.TryParse(json.RootElement, out var parsed, out var error))
                throw new InvalidDataException($"Event log row {liveId}#{sequence} does not parse: {error}");
            yield return new LoggedEvent(sequence, parsed!);
        }
    }

    /// <inheritdoc />
    public Task CheckpointedAsync(string liveId, long sequence, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Stops taking appends, lets the writers finish what is queued, and waits for them.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        try
        {
            await Task.WhenAll(_writers).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            await _stopping.CancelAsync();
        }
        _stopping.Dispose();
        _partitionLock.Dispose();
    }

    private async Task WriteLoop()
    {
        var reader = _queue.Reader;
        var batch = new List<PendingAppend>();
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            var events = Drain(reader, batch, 0);
            if (events < _options.MaxBatchEvents && _options.GroupCommitDelay > TimeSpan.Zero)
            {
                // Group commit: a moment for the appends of other LIVEs to join this COPY.
                await Task.Delay(_options.GroupCommitDelay, CancellationToken.None);
                events = Drain(reader, batch, events);
            }
            await Commit(batch, events);
            batch.Clear();
        }
    }

    private int Drain(ChannelReader<PendingAppend> reader, List<PendingAppend> batch, int events)
    {
        while (events < _options.MaxBatchEvents && reader.TryRead(out var next))
        {
            batch.Add(next);
            events += next.Rows.Count;
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
                await EventLogCopy.WriteAsync(connection, batch.Select(p => p.Rows), now, _stopping.Token);
            }
            foreach (var pending in batch) pending.Done.TrySetResult();
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogCommitted(_logger, events, batch.Count, elapsed.TotalMilliseconds);
        }
        catch (Exception ex)
        {
            LogCommitFailed(_logger, ex, events, batch.Count);
            var failure = Unavailable("the event log could not be written", ex);
            foreach (var pending in batch) pending.Done.TrySetException(failure);
        }
    }

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
