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
        decimal gmv = 0, affiliateGmv = 0, refunded = 0;
        long orders = 0, items = 0, refunds = 0, views = 0, liveImpressions = 0, productImpressions = 0,
            clicks = 0, likes = 0, comments = 0, shares = 0, follows = 0;
        foreach (var b in r.Minutes.Values)
        {
            gmv += b.Gmv; affiliateGmv += b.AffiliateGmv; refunded += b.RefundedAmount;
            orders += b.Orders; items += b.ItemsSold; refunds += b.Refunds; views += b.Views;
            liveImpressions += b.LiveImpressions; productImpressions += b.ProductImpressions; clicks += b.ProductClicks;
            likes += b.Likes; comments += b.Comments; shares += b.Shares; follows += b.NewFollowers;
        }
        decimal viewerSeconds = 0, onAir = 0;
        foreach (var m in RollupTimeline.Minutes(r, now))
        {
            viewerSeconds += m.AverageViewers * m.OnAirSeconds;
            onAir += m.OnAirSeconds;
        }
        return new LiveCounters
        {
            Gmv = gmv, AffiliateGmv = affiliateGmv, Orders = orders, ItemsSold = items, Buyers = r.UniqueBuyers.Count(),
            Refunds = refunds, RefundedAmount = refunded, Views = views, UniqueViewers = r.UniqueViewers.Count(),
            CurrentViewers = r.Status == LiveStatus.Live ? r.LatestSample : 0, PeakViewers = r.PeakViewers,
            ViewerSeconds = viewerSeconds, LiveImpressions = liveImpressions, ProductImpressions = productImpressions,
            ProductClicks = clicks, Likes = likes, Comments = comments, Shares = shares, NewFollowers = follows,
            DurationSeconds = onAir,
        };
    }

    /// <summary>The per-minute trend: one point per minute, quiet minutes included, so charts have no gaps.</summary>
    public static List<TrendPoint> Trends(LiveRollup r, DateTimeOffset now, long? sinceMinute = null) =>
        RollupTimeline.Minutes(r, now)
            .Where(m => sinceMinute is null || m.Minute >= sinceMinute)
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
                var during = r.Minutes.Where(m => m.Key >= from && m.Key <= to).Select(m => m.Value).ToList();
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
        return new ViewerProfile(v.GenderSlices(), v.AgeBandSlices(), ViewerMix.Ordered(r.Regions.Select(kv => new ProfileSlice(kv.Key, kv.Value))),
            v.FollowerSlices(), v.TrafficSourceSlices());
    }
}
