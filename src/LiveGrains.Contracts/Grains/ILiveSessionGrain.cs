using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Views;
using Orleans.Concurrency;

namespace LiveGrains.Contracts.Grains;

/// <summary>One LIVE session, keyed by LIVE id: the single writer of its rollup.</summary>
public interface ILiveSessionGrain : IWatchableGrain
{
    /// <summary>
    /// Applies a batch of events of this LIVE. Each is accepted, recognised as a duplicate (same eventId, or
    /// an order id already counted), or rejected with a reason; rejected items never affect the others.
    /// The batch is handed over, not copied, within a silo: callers build it for this call and never change it after.
    /// A value task: a LIVE applies most calls without waiting for anything, and then answers without allocating a task.
    /// </summary>
    ValueTask<LiveIngestResult> Ingest([Immutable] IReadOnlyList<LiveEvent> batch);

    /// <summary>The LIVE card (null when the LIVE has received no event).</summary>
    [ReadOnly] Task<LiveCard?> GetCard();

    /// <summary>The full LIVE dashboard (null when the LIVE has received no event).</summary>
    [ReadOnly] Task<LiveDashboard?> GetDashboard();

    /// <summary>
    /// The creator of this LIVE changed its profile or agency while on air. One-way: the creator must not wait on a
    /// LIVE that may at that moment be waiting on the creator.
    /// </summary>
    [OneWay] Task CreatorChanged(CreatorProfile profile);
}
