using LiveGrains.Contracts.EventLog;

namespace LiveGrains.Storage.EventLog;

/// <summary>An append waiting for its group commit; completed once its COPY committed, or failed with it.</summary>
internal sealed class PendingAppend(IReadOnlyList<LoggedEvent> events)
{
    public IReadOnlyList<LoggedEvent> Events { get; } = events;

    public TaskCompletionSource Done { get; } = new();
}
