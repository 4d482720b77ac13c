namespace LiveGrains.Storage.EventLog;

/// <summary>Group-commit settings of the Postgres event log (section <c>LiveGrains:EventLog</c>).</summary>
public sealed class EventLogOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "LiveGrains:EventLog";

    /// <summary>Most events written by one COPY.</summary>
    public int MaxBatchEvents { get; set; } = 5_000;

    /// <summary>How long a writer waits for more appends after the first one of a batch (group commit).</summary>
    public TimeSpan GroupCommitDelay { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Concurrent COPY streams per silo: one fills while another commits.</summary>
    public int Writers { get; set; } = 2;

    /// <summary>Retry-After given to callers when the log cannot be written.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);
}
