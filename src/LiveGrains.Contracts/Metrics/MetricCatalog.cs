using System.Collections.Frozen;

namespace LiveGrains.Contracts.Metrics;

/// <summary>
/// Every metric LiveGrains shows. The API, dashboard, exports and docs all read this table; nothing
/// else spells a metric's name or definition. Ratios are derived on read and are null when their
/// denominator is zero, so "no data" never masquerades as 0%.
/// </summary>
public static class MetricCatalog
{
    /// <summary>Most metrics an agency may show on a LIVE card or in the All LIVEs list.</summary>
    public const int MaxChosenMetrics = 9;

    /// <summary>All entries, in display order.</summary>
    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        new("gmv", "GMV", "Gross merchandise value: the total amount of orders paid during the LIVE, before refunds.",
            "currency", MetricFormat.Money, MetricCategory.Sales, true, c => c.Gmv),
        new("affiliate_gmv", "Affiliate GMV", "GMV of orders attributed to affiliate creators during the LIVE.",
            "currency", MetricFormat.Money, MetricCategory.Sales, true, c => c.AffiliateGmv),
        new("orders", "Orders", "Number of orders paid during the LIVE.",
            "orders", MetricFormat.Integer, MetricCategory.Sales, true, c => c.Orders),
        new("items_sold", "Items sold", "Number of product units in the orders paid during the LIVE.",
            "items", MetricFormat.Integer, MetricCategory.Sales, true, c => c.ItemsSold),
        new("buyers", "Buyers", "Number of distinct customers who paid for at least one order during the LIVE.",
            "buyers", MetricFormat.Integer, MetricCategory.Sales, false, c => c.Buyers),
        new("aov", "Average order value", "GMV divided by the number of paid orders.",
            "currency", MetricFormat.Money, MetricCategory.Sales, true, c => Ratio(c.Gmv, c.Orders)),
        new("refunds", "Refunded orders", "Number of orders from the LIVE that were refunded.",
            "orders", MetricFormat.Integer, MetricCategory.Sales, true, c => c.Refunds),
        new("refunded_amount", "Refunded amount", "Total amount refunded on orders from the LIVE.",
            "currency", MetricFormat.Money, MetricCategory.Sales, true, c => c.RefundedAmount),
        new("gmv_per_hour", "GMV per hour", "GMV divided by the LIVE's duration in hours.",
            "currency", MetricFormat.Money, MetricCategory.Sales, false, c => Ratio(c.Gmv * 3600, c.DurationSeconds)),
        new("gpm_impressions", "GPM (per 1,000 impressions)", "GMV per 1,000 LIVE impressions.",
            "currency", MetricFormat.Money, MetricCategory.Sales, true, c => Ratio(c.Gmv * 1000, c.LiveImpressions)),
        new("gpm_views", "GPM (per 1,000 views)", "GMV per 1,000 LIVE views.",
            "currency", MetricFormat.Money, MetricCategory.Sales, true, c => Ratio(c.Gmv * 1000, c.Views)),
        new("views", "Views", "Number of times viewers entered the LIVE room.",
            "views", MetricFormat.Integer, MetricCategory.Traffic, true, c => c.Views),
        new("unique_viewers", "Unique viewers", "Number of distinct users who entered the LIVE room.",
            "viewers", MetricFormat.Integer, MetricCategory.Traffic, false, c => c.UniqueViewers),
        new("current_viewers", "Current viewers", "Number of viewers in the LIVE room at the latest sample.",
            "viewers", MetricFormat.Integer, MetricCategory.Traffic, true, c => c.CurrentViewers),
        new("peak_viewers", "Peak viewers", "Highest number of viewers in the LIVE room at the same time.",
            "viewers", MetricFormat.Integer, MetricCategory.Traffic, true, c => c.PeakViewers),
        new("avg_viewers", "Average viewers", "Average number of viewers in the LIVE room over the LIVE's duration.",
            "viewers", MetricFormat.Decimal, MetricCategory.Traffic, true, c => Ratio(c.ViewerSeconds, c.DurationSeconds)),
        new("avg_view_duration", "Average view duration", "Total time viewers spent in the LIVE room divided by the number of views.",
            "seconds", MetricFormat.Duration, MetricCategory.Traffic, true, c => Ratio(c.ViewerSeconds, c.Views)),
        new("live_impressions", "LIVE impressions", "Number of times the LIVE was shown to users, in feeds, search and elsewhere.",
            "impressions", MetricFormat.Integer, MetricCategory.Traffic, true, c => c.LiveImpressions),
        new("enter_room_rate", "Enter-room rate", "Views divided by LIVE impressions: the share of impressions that led a user into the room.",
            "%", MetricFormat.Percent, MetricCategory.Traffic, true, c => Ratio(c.Views, c.LiveImpressions)),
        new("product_impressions", "Product impressions", "Number of times products were shown to viewers in the LIVE.",
            "impressions", MetricFormat.Integer, MetricCategory.Products, true, c => c.ProductImpressions),
        new("product_clicks", "Product clicks", "Number of clicks on products in the LIVE.",
            "clicks", MetricFormat.Integer, MetricCategory.Products, true, c => c.ProductClicks),
        new("ctr", "Product click-through rate", "Product clicks divided by product impressions.",
            "%", MetricFormat.Percent, MetricCategory.Products, true, c => Ratio(c.ProductClicks, c.ProductImpressions)),
        new("click_to_order_rate", "Click-to-order rate", "Paid orders divided by product clicks.",
            "%", MetricFormat.Percent, MetricCategory.Products, true, c => Ratio(c.Orders, c.ProductClicks)),
        new("likes", "Likes", "Number of likes received during the LIVE.",
            "likes", MetricFormat.Integer, MetricCategory.Engagement, true, c => c.Likes),
        new("comments", "Comments", "Number of comments posted during the LIVE.",
            "comments", MetricFormat.Integer, MetricCategory.Engagement, true, c => c.Comments),
        new("shares", "Shares", "Number of times the LIVE was shared.",
            "shares", MetricFormat.Integer, MetricCategory.Engagement, true, c => c.Shares),
        new("new_followers", "New followers", "Number of users who followed the creator during the LIVE.",
            "followers", MetricFormat.Integer, MetricCategory.Engagement, true, c => c.NewFollowers),
        new("follow_rate", "Follow rate", "New followers divided by unique viewers.",
            "%", MetricFormat.Percent, MetricCategory.Engagement, false, c => Ratio(c.NewFollowers, c.UniqueViewers)),
        new("engagement_rate", "Engagement rate", "Likes, comments and shares together, divided by views.",
            "%", MetricFormat.Percent, MetricCategory.Engagement, true, c => Ratio(c.Likes + c.Comments + c.Shares, c.Views)),
        new("duration", "Duration", "Time the LIVE has been (or was) on air.",
            "seconds", MetricFormat.Duration, MetricCategory.Traffic, false, c => c.DurationSeconds),
    ];

    private static readonly FrozenDictionary<string, MetricDefinition> ByKey = All.ToFrozenDictionary(m => m.Key);
    private static readonly FrozenDictionary<string, int> Positions = All.Select((m, i) => (m.Key, i)).ToFrozenDictionary(p => p.Key, p => p.i);

    /// <summary>The keys, in display order.</summary>
    public static IReadOnlyList<string> Keys { get; } = [.. All.Select(m => m.Key)];

    /// <summary>
    /// The keys in order, hashed (FNV-1a, the same in every process): two processes agree on the meaning of a
    /// <see cref="MetricDictionary"/> array only when their fingerprints are equal.
    /// </summary>
    public static int Fingerprint { get; } = Keys.Aggregate(unchecked((int)2166136261), (hash, key) =>
        $"{key}\n".Aggregate(hash, (h, c) => unchecked((h ^ c) * 16777619)));

    /// <summary>The metrics a new agency sees on its LIVE cards.</summary>
    public static IReadOnlyList<string> DefaultCardMetrics { get; } = ["gmv", "affiliate_gmv", "orders", "current_viewers", "views", "ctr"];

    /// <summary>The metrics a new agency sees in the All LIVEs list.</summary>
    public static IReadOnlyList<string> DefaultListMetrics { get; } =
        ["gmv", "orders", "items_sold", "aov", "views", "unique_viewers", "avg_view_duration", "ctr", "duration"];

    /// <summary>Looks a metric up by key.</summary>
    public static MetricDefinition? Find(string key) => ByKey.GetValueOrDefault(key);

    /// <summary>Position of <paramref name="key"/> in <see cref="All"/>, or -1.</summary>
    public static int IndexOf(string key) => Positions.GetValueOrDefault(key, -1);

    /// <summary>
    /// Every metric of <paramref name="counters"/>, rounded for display (money to cents, ratios to 4 places): derived when
    /// first read, or when written for another process.
    /// </summary>
    public static MetricDictionary DeriveAll(LiveCounters counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        return new MetricDictionary(counters);
    }

    /// <summary>The values of <see cref="DeriveAll"/>, in catalog order.</summary>
    internal static decimal?[] DeriveValues(LiveCounters counters)
    {
        // Cards derive them once a second per LIVE where they are read: a plain loop into one array keeps that cheap.
        var values = new decimal?[All.Count];
        for (var i = 0; i < values.Length; i++) values[i] = Round(All[i], All[i].Derive(counters));
        return values;
    }

    /// <summary>Derives the per-minute (trendable) metrics of one minute's counters.</summary>
    public static Dictionary<string, decimal?> DeriveTrendable(LiveCounters minute) =>
        All.Where(m => m.Trendable).ToDictionary(m => m.Key, m => Round(m, m.Derive(minute)));

    /// <summary>
    /// Checks a chosen metric list: known keys, no repeats, at most <see cref="MaxChosenMetrics"/>.
    /// Returns the problem, or null.
    /// </summary>
    public static string? ValidateChoice(IReadOnlyCollection<string>? keys)
    {
        if (keys is null || keys.Count == 0) return "choose at least one metric";
        if (keys.Count > MaxChosenMetrics) return $"at most {MaxChosenMetrics} metrics can be chosen (got {keys.Count})";
        var unknown = keys.Where(k => !ByKey.ContainsKey(k)).ToList();
        if (unknown.Count > 0) return $"unknown metric key(s): {string.Join(", ", unknown)}";
        var repeated = keys.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        return repeated.Count > 0 ? $"metric key(s) chosen twice: {string.Join(", ", repeated)}" : null;
    }

    private static decimal? Ratio(decimal numerator, decimal denominator) =>
        denominator == 0 ? null : numerator / denominator;

    private static decimal? Round(MetricDefinition m, decimal? value) => value is null
        ? null
        : m.Format switch
        {
            MetricFormat.Money or MetricFormat.Decimal => Math.Round(value.Value, 2, MidpointRounding.AwayFromZero),
            MetricFormat.Percent => Math.Round(value.Value, 4, MidpointRounding.AwayFromZero),
            MetricFormat.Duration => Math.Round(value.Value, 0, MidpointRounding.AwayFromZero),
            _ => value,
        };
}
