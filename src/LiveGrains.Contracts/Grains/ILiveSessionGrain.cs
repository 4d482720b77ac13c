using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Views;
using Orleans.Concurrency;

namespace LiveGrains.Contracts.Grains;

/// <summary>One LIVE session, keyed by LIVE id: the single writer of its rollup.</summary>
public interface ILiveSessionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies a batch of events of this LIVE. Each is accepted, recognised as a duplicate (same eventId, or
    /// an order id already counted), or rejected with a reason; rejected items never affect the others.
    /// </summary>
    Task<IngestResult> Ingest(IReadOnlyList<LiveEvent> batch);

    /// <summary>
    /// Someone watches this LIVE's detail stream for the next <paramref name="lease"/>: until then each tick that
    /// changed it publishes a detail update. Watchers renew the lease; unwatched LIVEs skip building and publishing
    /// updates nobody would receive (their cards still go to their agency).
    /// </summary>
    Task Watch(TimeSpan lease);

    /// <summary>The LIVE card (null when the LIVE has received no event).</summary>
    [ReadOnly] Task<LiveCard?> GetCard();

    /// <summary>The full LIVE dashboard (null when the LIVE has received no event).</summary>
    [ReadOnly] Task<LiveDashboard?> GetDashboard();
}
