using LiveGrains.Contracts.EventLog;

namespace LiveGrains.Storage.EventLog;

/// <summary>
/// An append waiting for its group commit; completed once its COPY committed, or failed with it. It is its own completion
/// source: one object per append instead of two, on a path taken tens of thousands of times a second.
/// </summary>
internal sealed class PendingAppend(SequencedEvents events) : TaskCompletionSource
{
    public SequencedEvents Events { get; } = events;
}
