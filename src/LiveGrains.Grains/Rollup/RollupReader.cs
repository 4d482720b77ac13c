using LiveGrains.Contracts.Metrics;
using LiveGrains.Contracts.Views;

namespace LiveGrains.Grains.Rollup;

/// <summary>Derives counters, trends, products, promotions and the viewer profile from a rollup.</summary>
public static class RollupReader
{
    /// <summary>Raw totals of the LIVE as of <paramref name="now"/>.</summary>
    public static LiveCounters Totals(LiveRollup r, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(r);
        var (b, viewerSeconds, onAir) = RollupTimeline.Sum(r, now);
        return new LiveCounters
        {
            Gmv = b.Gmv, AffiliateGmv = b.AffiliateGmv, Orders = b.Orders, ItemsSold = b.ItemsSold, Buyers = r.UniqueBuyers.Count(),
            Refunds = b.Refunds, RefundedAmount = b.RefundedAmount, Views = b.Views, UniqueViewers = r.UniqueViewers.Count(),
            CurrentViewers = r.Status == LiveStatus.Live ? r.LatestSample : 0, PeakViewers = r.PeakViewers,
            ViewerSeconds = viewerSeconds, LiveImpressions = b.LiveImpressions, ProductImpressions = b.ProductImpressions,
            ProductClicks = b.ProductClicks, Likes = b.Likes, Comments = b.Comments, Shares = b.Shares, NewFollowers = b.NewFollowers,
            DurationSeconds = onAir,
        };
    }

    /// <summary>The per-minute trend: one point per minute, quiet minutes included, so charts have no gaps.</summary>
    public static List<TrendPoint> Trends(LiveRollup r, DateTimeOffset now, long? sinceMinute = null) =>
        RollupTimeline.Minutes(r, now, sinceMinute)
            .Select(m => new TrendPoint(m.At, MetricCatalog.DeriveTrendable(
                (m.Bucket ?? new MinuteBucket()).ToCounters(m.AverageViewers, m.OnAirSeconds > 0 ? m.OnAirSeconds : 60))))
            .ToList();

    /// <summary>Products by GMV, then clicks.</summary>
    public static List<ProductStats> Products(LiveRollup r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return r.Products
            .Select(kv => new ProductStats(kv.Key, kv.Value.Name, kv.Value.Price, kv.Value.ImageUrl, kv.Value.Impressions,
                kv.Value.Clicks, kv.Value.Orders, kv.Value.ItemsSold, kv.Value.Gmv, kv.Value.Refunds,
                kv.Value.Impressions == 0 ? null : Math.Round((decimal)kv.Value.Clicks / kv.Value.Impressions, 4),
                kv.Key == r.PinnedProductId))
            .OrderByDescending(p => p.Gmv).ThenByDescending(p => p.Clicks).ThenBy(p => p.ProductId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The pinned product, when it is known.</summary>
    public static ProductView? PinnedProduct(LiveRollup r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return r.PinnedProductId is { } id && r.Products.TryGetValue(id, out var p) && p.Name is not null
            ? new ProductView(id, p.Name, p.Price ?? 0, p.Currency ?? r.Currency ?? "", p.ImageUrl)
            : null;
    }

    /// <summary>Promotions by start, each with the orders and GMV of the minutes it ran.</summary>
    public static List<PromotionView> Promotions(LiveRollup r, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(r);
        return r.Promotions
            .Select(kv =>
            {
                var p = kv.Value;
                var from = LiveRollup.MinuteOf(p.StartedAt ?? r.Start);
                var to = LiveRollup.MinuteOf(p.EndedAt ?? r.EndedAt ?? now);
                var during = r.EveryBucket().Where(m => m.Minute >= from && m.Minute <= to).Select(m => m.Bucket).ToList();
                return new PromotionView(kv.Key, p.Kind, p.Details, p.ProductId, p.StartedAt, p.EndedAt,
                    during.Sum(b => b.Orders), during.Sum(b => b.Gmv));
            })
            .OrderBy(p => p.StartedAt ?? DateTimeOffset.MaxValue).ThenBy(p => p.PromotionId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Viewer analysis: breakdowns of views by gender, age, region, follower status and traffic source.</summary>
    public static ViewerProfile Profile(LiveRollup r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var v = r.Viewers;
        return new ViewerProfile(v.GenderSlices(), v.AgeBandSlices(), v.RegionSlices(),
            v.FollowerSlices(), v.TrafficSourceSlices());
    }
}
