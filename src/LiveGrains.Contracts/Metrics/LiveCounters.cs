namespace LiveGrains.Contracts.Metrics;

/// <summary>
/// Raw counters of a LIVE (or of one minute of it). Every catalog metric is derived from these and
/// nothing else, so the grain, the history tables and exports agree by construction.
/// </summary>
[GenerateSerializer, Immutable, Alias("lg.LiveCounters")]
public sealed record LiveCounters
{
    /// <summary>Sum of paid order amounts (gross of refunds).</summary>
    [Id(0)] public decimal Gmv { get; init; }
    /// <summary>Part of <see cref="Gmv"/> from affiliate orders.</summary>
    [Id(1)] public decimal AffiliateGmv { get; init; }
    /// <summary>Paid orders.</summary>
    [Id(2)] public long Orders { get; init; }
    /// <summary>Units in paid orders.</summary>
    [Id(3)] public long ItemsSold { get; init; }
    /// <summary>Distinct buyers (HyperLogLog estimate).</summary>
    [Id(4)] public long Buyers { get; init; }
    /// <summary>Refunded orders.</summary>
    [Id(5)] public long Refunds { get; init; }
    /// <summary>Sum of refunded amounts.</summary>
    [Id(6)] public decimal RefundedAmount { get; init; }
    /// <summary>Times a viewer entered the room.</summary>
    [Id(7)] public long Views { get; init; }
    /// <summary>Distinct viewers (HyperLogLog estimate).</summary>
    [Id(8)] public long UniqueViewers { get; init; }
    /// <summary>Latest viewer-count sample.</summary>
    [Id(9)] public long CurrentViewers { get; init; }
    /// <summary>Highest viewer-count sample.</summary>
    [Id(10)] public long PeakViewers { get; init; }
    /// <summary>Time-integral of concurrent viewers (viewer-seconds), from the samples.</summary>
    [Id(11)] public decimal ViewerSeconds { get; init; }
    /// <summary>Times the LIVE was shown to users.</summary>
    [Id(12)] public long LiveImpressions { get; init; }
    /// <summary>Times products were shown in the LIVE.</summary>
    [Id(13)] public long ProductImpressions { get; init; }
    /// <summary>Clicks on products in the LIVE.</summary>
    [Id(14)] public long ProductClicks { get; init; }
    /// <summary>Likes.</summary>
    [Id(15)] public long Likes { get; init; }
    /// <summary>Comments.</summary>
    [Id(16)] public long Comments { get; init; }
    /// <summary>Shares.</summary>
    [Id(17)] public long Shares { get; init; }
    /// <summary>New followers gained during the LIVE.</summary>
    [Id(18)] public long NewFollowers { get; init; }
    /// <summary>Seconds on air (so far, for an ongoing LIVE).</summary>
    [Id(19)] public decimal DurationSeconds { get; init; }
}
