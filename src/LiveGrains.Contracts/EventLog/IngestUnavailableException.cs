namespace LiveGrains.Contracts.EventLog;

/// <summary>
/// Ingest cannot make events durable right now (the event log's store is unreachable). Nothing of the failed call
/// was acknowledged; retrying the same events (same ids) later is safe and is what callers should do.
/// </summary>
[GenerateSerializer, Alias("lg.IngestUnavailableException")]
public sealed class IngestUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IngestUnavailableException() : base("Ingest is unavailable: events cannot be made durable right now. Retry later.") { }

    /// <summary>Creates the exception with a message.</summary>
    public IngestUnavailableException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public IngestUnavailableException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>How long callers should wait before retrying.</summary>
    [Id(0)] public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);
}
