namespace LiveGrains.Simulation.Truth;

/// <summary>
/// Totals of one LIVE that a correct system reports exactly: what the grain's dashboard counters must show after
/// the generated events were ingested with dedupe by event id and order id. Money is in cents so a difference is
/// visible to the cent and never hidden by formatting.
/// </summary>
/// <param name="LiveId">LIVE id.</param>
/// <param name="AcceptedEvents">Events that changed the LIVE (first copy of each event id, first event of each order id).</param>
/// <param name="Duplicates">Events recognised as duplicates.</param>
/// <param name="Orders">Paid orders.</param>
/// <param name="ItemsSold">Units in paid orders.</param>
/// <param name="GmvCents">Sum of paid amounts, in cents.</param>
/// <param name="AffiliateGmvCents">Affiliate part of the GMV, in cents.</param>
/// <param name="Refunds">Refunded orders.</param>
/// <param name="RefundedCents">Sum of refunded amounts, in cents.</param>
/// <param name="Views">Viewer joins.</param>
/// <param name="Comments">Comments.</param>
/// <param name="Likes">Likes.</param>
/// <param name="Shares">Shares.</param>
/// <param name="NewFollowers">New followers.</param>
/// <param name="LiveImpressions">LIVE impressions.</param>
/// <param name="ProductImpressions">Product impressions.</param>
/// <param name="ProductClicks">Product clicks.</param>
/// <param name="Violations">Distinct violations.</param>
/// <param name="PeakViewers">Highest viewer-count sample.</param>
/// <param name="Ended">Whether an end or a suspension was sent (the LIVE is no longer active).</param>
public sealed record LiveTotals(
    string LiveId,
    long AcceptedEvents,
    long Duplicates,
    long Orders,
    long ItemsSold,
    long GmvCents,
    long AffiliateGmvCents,
    long Refunds,
    long RefundedCents,
    long Views,
    long Comments,
    long Likes,
    long Shares,
    long NewFollowers,
    long LiveImpressions,
    long ProductImpressions,
    long ProductClicks,
    long Violations,
    long PeakViewers,
    bool Ended = false)
{
    /// <summary>
    /// The counters a system can be compared on, by name. <see cref="AcceptedEvents"/> and <see cref="Duplicates"/>
    /// are left out: dashboards do not show them; they are checked from the ingest acknowledgements instead.
    /// </summary>
    public IReadOnlyList<(string Name, long Value)> Counters() =>
    [
        ("orders", Orders), ("itemsSold", ItemsSold), ("gmvCents", GmvCents), ("affiliateGmvCents", AffiliateGmvCents),
        ("refunds", Refunds), ("refundedCents", RefundedCents), ("views", Views), ("comments", Comments), ("likes", Likes),
        ("shares", Shares), ("newFollowers", NewFollowers), ("liveImpressions", LiveImpressions),
        ("productImpressions", ProductImpressions), ("productClicks", ProductClicks), ("violations", Violations),
        ("peakViewers", PeakViewers),
    ];

    /// <summary>Whole cents of an amount; the generator only produces amounts with at most two decimals.</summary>
    public static long Cents(decimal amount) => decimal.ToInt64(decimal.Round(amount * 100m, 0, MidpointRounding.ToEven));
}
