using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using LiveGrains.Contracts.EventLog;

namespace LiveGrains.Grains.EventLog;

/// <summary>
/// The event log of embedded mode and in-process tests: kept in the silo's memory beside the memory grain storage,
/// so it survives deactivations (not the process). It forgets what a checkpoint covers, which keeps a long-running
/// demo's memory flat.
/// </summary>
public sealed class InMemoryLiveEventLog : ILiveEventLog
{
    private readonly ConcurrentDictionary<string, List<LoggedEvent>> _lives = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task AppendAsync(string liveId, SequencedEvents events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events.Events);
        var log = _lives.GetOrAdd(liveId, _ => []);
        lock (log) log.AddRange(events.Logged());
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<LoggedEvent> ReadAfterAsync(string liveId, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!_lives.TryGetValue(liveId, out var log)) yield break;
        LoggedEvent[] copy;
        lock (log) copy = log.Where(e => e.Sequence > afterSequence).ToArray();
        foreach (var e in copy)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return e;
        }
        await Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task CheckpointedAsync(string liveId, long sequence, CancellationToken cancellationToken)
    {
        if (_lives.TryGetValue(liveId, out var log))
        {
            lock (log) log.RemoveAll(e => e.Sequence <= sequence);
        }
        return Task.CompletedTask;
    }

    /// <summary>Events currently held for <paramref name="liveId"/> (for tests and diagnostics).</summary>
    public int Count(string liveId)
    {
        if (!_lives.TryGetValue(liveId, out var log)) return 0;
        lock (log) return log.Count;
    }
}
