using LiveGrains.Contracts.EventLog;

namespace LiveGrains.Grains.EventLog;

/// <summary>
/// The event log of a single-process host (embedded mode and the in-process benchmark). The silo, its memory storage and
/// every caller live in one process, so nothing can outlive a LIVE's rollup that a log could restore it from: the one
/// loss a log repairs, an activation gone without its last checkpoint, only happens here when the process dies, and then
/// the log dies with it. Appends therefore complete at once and keep nothing, which also keeps a LIVE's memory to its
/// rollup; state crosses activations through the checkpoint a LIVE writes when it ends or deactivates.
/// </summary>
public sealed class SingleProcessEventLog : ILiveEventLog
{
    /// <inheritdoc />
    public Task AppendAsync(string liveId, SequencedEvents events, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public IAsyncEnumerable<LoggedEvent> ReadAfterAsync(string liveId, long afterSequence, CancellationToken cancellationToken) =>
        AsyncEnumerable.Empty<LoggedEvent>();

    /// <inheritdoc />
    public Task CheckpointedAsync(string liveId, long sequence, CancellationToken cancellationToken) => Task.CompletedTask;
}
