using System.Collections.Concurrent;
using LiveGrains.Contracts.EventLog;
using LiveGrains.Grains.EventLog;

namespace LiveGrains.Web.Tests.Support;

/// <summary>The embedded in-memory event log, with a switch per LIVE that makes its appends fail like an unreachable store.</summary>
public sealed class SwitchableEventLog : ILiveEventLog
{
    private readonly InMemoryLiveEventLog _inner = new();

    /// <summary>LIVEs whose appends fail.</summary>
    public ConcurrentDictionary<string, bool> Down { get; } = new();

    /// <inheritdoc />
    public Task AppendAsync(string liveId, SequencedEvents events, CancellationToken cancellationToken) =>
        Down.ContainsKey(liveId)
            ? throw new IngestUnavailableException("the event log could not be written (test switch)") { RetryAfter = TimeSpan.FromSeconds(2) }
            : _inner.AppendAsync(liveId, events, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<LoggedEvent> ReadAfterAsync(string liveId, long afterSequence, CancellationToken cancellationToken) =>
        _inner.ReadAfterAsync(liveId, afterSequence, cancellationToken);

    /// <inheritdoc />
    public Task CheckpointedAsync(string liveId, long sequence, CancellationToken cancellationToken) =>
        _inner.CheckpointedAsync(liveId, sequence, cancellationToken);
}
