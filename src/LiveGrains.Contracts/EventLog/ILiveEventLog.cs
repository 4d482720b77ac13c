namespace LiveGrains.Contracts.EventLog;

/// <summary>
/// The append-only log of accepted events: what makes an acknowledged event durable. A LIVE grain appends the
/// events it accepted and acknowledges its caller only when the append completed; after a crash it replays what
/// follows its last checkpoint, so totals and the dedupe window come back exactly.
/// </summary>
public interface ILiveEventLog
{
    /// <summary>
    /// Appends <paramref name="events"/> of one LIVE (numbered on from its last append) and completes once they are durable.
    /// Throws <see cref="IngestUnavailableException"/> when they cannot be made durable; some of them may still be
    /// durable then, which replay and dedupe make harmless.
    /// </summary>
    Task AppendAsync(string liveId, SequencedEvents events, CancellationToken cancellationToken);

    /// <summary>The events of <paramref name="liveId"/> with a sequence number above <paramref name="afterSequence"/>, in order.</summary>
    IAsyncEnumerable<LoggedEvent> ReadAfterAsync(string liveId, long afterSequence, CancellationToken cancellationToken);

    /// <summary>
    /// Tells the log that everything up to <paramref name="sequence"/> is inside a checkpoint: a log kept in memory
    /// may forget it; a durable log keeps it (it is also the audit trail) and drops whole days by retention instead.
    /// </summary>
    Task CheckpointedAsync(string liveId, long sequence, CancellationToken cancellationToken);
}
