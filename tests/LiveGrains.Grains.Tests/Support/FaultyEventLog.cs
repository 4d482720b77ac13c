using System.Collections.Concurrent;
using LiveGrains.Contracts.EventLog;
using LiveGrains.Grains.EventLog;

namespace LiveGrains.Grains.Tests.Support;

/// <summary>How an append of a LIVE fails.</summary>
public enum AppendFault
{
    /// <summary>Nothing is written (the store is down).</summary>
    BeforeWrite,

    /// <summary>The events are written but the caller hears of a failure (the acknowledgement is lost).</summary>
    AfterWrite,
}

/// <summary>
/// The in-memory event log, shared by both test silos (a LIVE may come back on the other one), that fails the appends
/// of LIVEs a test names, the way a real log fails.
/// </summary>
public sealed class FaultyEventLog : ILiveEventLog
{
    private static readonly InMemoryLiveEventLog Shared = new();

    /// <summary>LIVEs whose appends fail, and how.</summary>
    public static ConcurrentDictionary<string, AppendFault> Faults { get; } = new();

    /// <summary>Events held for <paramref name="liveId"/>.</summary>
    public static int Count(string liveId) => Shared.Count(liveId);

    /// <inheritdoc />
    public async Task AppendAsync(string liveId, SequencedEvents events, CancellationToken cancellationToken)
    {
        if (!Faults.TryGetValue(liveId, out var fault))
        {
            await Shared.AppendAsync(liveId, events, cancellationToken);
            return;
        }
        if (fault == AppendFault.AfterWrite) await Shared.AppendAsync(liveId, events, cancellationToken);
        throw new IOException($"injected {fault} failure for LIVE {liveId}");
    }

    /// <inheritdoc />
    public IAsyncEnumerable<LoggedEvent> ReadAfterAsync(string liveId, long afterSequence, CancellationToken cancellationToken) =>
        Shared.ReadAfterAsync(liveId, afterSequence, cancellationToken);

    /// <inheritdoc />
    public Task CheckpointedAsync(string liveId, long sequence, CancellationToken cancellationToken) =>
        Shared.CheckpointedAsync(liveId, sequence, cancellationToken);
}
