using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Metrics;
using LiveGrains.Contracts.Views;
using LiveGrains.Grains.Attention;
using LiveGrains.Grains.Rollup;

namespace LiveGrains.Grains.Sessions;

/// <summary>Builds the card, dashboard and summary of a LIVE from its state: one place for each view's shape.</summary>
public static class LiveViews
{
    /// <summary>The LIVE card, attention rules evaluated as of <paramref name="now"/>.</summary>
    public static LiveCard Card(LiveSessionState s, DateTimeOffset now, int comments)
    {
        ArgumentNullException.ThrowIfNull(s);
        var r = s.Rollup;
        var metrics = MetricCatalog.DeriveAll(RollupReader.Totals(r, now));
        return new LiveCard(r.LiveId ?? "", r.CreatorId ?? "", s.Creator?.Name ?? r.CreatorId ?? "", s.Creator?.AvatarUrl,
            CreatorTypeOf(s), s.Creator?.AgencyId, r.Title ?? "", r.Status, r.Start, r.EndedAt, r.Currency, metrics,
            r.NewestComments(comments), RollupReader.PinnedProduct(r), r.Violations.ToList(),
            AttentionRules.Evaluate(r, s.Thresholds, now), now, false, s.LastSequence);
    }

    /// <summary>The full dashboard.</summary>
    public static LiveDashboard Dashboard(LiveSessionState s, DateTimeOffset now, int comments)
    {
        ArgumentNullException.ThrowIfNull(s);
        var r = s.Rollup;
        return new LiveDashboard(Card(s, now, comments), RollupReader.Totals(r, now), RollupReader.Profile(r),
            RollupReader.Trends(r, now), RollupReader.Products(r), RollupReader.Promotions(r, now), r.Violations.ToList(),
            r.NewestComments(LiveRollup.MaxComments), r.EndReason);
    }

    /// <summary>The All LIVEs row, built from the dashboard so both always agree.</summary>
    public static LiveSummary Summary(LiveDashboard d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var c = d.Card;
        return new LiveSummary(c.LiveId, c.AgencyId, c.CreatorId, c.CreatorName, c.CreatorType, c.Title, c.Status, c.StartedAt,
            c.EndedAt, c.Currency, d.Counters, c.Metrics);
    }

    private static CreatorType CreatorTypeOf(LiveSessionState s) =>
        s.Rollup.CreatorType ?? s.Creator?.CreatorType ?? CreatorType.Seller;
}
