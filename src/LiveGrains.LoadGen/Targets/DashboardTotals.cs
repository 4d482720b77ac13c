using LiveGrains.Contracts.Views;
using LiveGrains.Simulation.Truth;

namespace LiveGrains.LoadGen.Targets;

/// <summary>Maps what a LIVE dashboard shows onto <see cref="LiveTotals"/> so it compares with the ground truth.</summary>
public static class DashboardTotals
{
    /// <summary>The comparable totals of <paramref name="d"/> (event counts are not on a dashboard and stay 0).</summary>
    public static LiveTotals From(string liveId, LiveDashboard d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var c = d.Counters;
        return new LiveTotals(liveId, 0, 0, c.Orders, c.ItemsSold, LiveTotals.Cents(c.Gmv), LiveTotals.Cents(c.AffiliateGmv), c.Refunds,
            LiveTotals.Cents(c.RefundedAmount), c.Views, c.Comments, c.Likes, c.Shares, c.NewFollowers, c.LiveImpressions,
            c.ProductImpressions, c.ProductClicks, d.Violations.Count, c.PeakViewers);
    }
}
