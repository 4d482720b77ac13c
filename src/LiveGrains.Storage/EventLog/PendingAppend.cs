namespace LiveGrains.Storage.EventLog;

/// <summary>An append waiting for its group commit; completed once its COPY committed, or failed with it.</summary>
internal sealed class PendingAppend(IReadOnlyList<EventLogRow> rows)
{
    public IReadOnlyList<EventLogRow> Rows { get; } = rows;

    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
