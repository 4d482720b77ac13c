using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Metrics;

namespace LiveGrains.Contracts.Views;

/// <summary>The LIVE dashboard of one LIVE: overview, viewer profile, trends, products, promotions, violations and comments.</summary>
/// <param name="Card">Overview (the card, with every metric).</param>
/// <param name="Counters">Raw counters behind the metrics.</param>
/// <param name="Profile">Viewer analysis.</param>
/// <param name="Trends">Per-minute trend, during and after the LIVE.</param>
/// <param name="Products">Per-product stats, by GMV.</param>
/// <param name="Promotions">Promotions, by start.</param>
/// <param name="Violations">Violations, newest first.</param>
/// <param name="Comments">Latest comments, newest first.</param>
/// <param name="EndReason">Why it ended, once ended.</param>
[GenerateSerializer, Immutable, Alias("lg.LiveDashboard")]
public sealed record LiveDashboard(
    [property: Id(0)] LiveCard Card,
    [property: Id(1)] LiveCounters Counters,
    [property: Id(2)] ViewerProfile Profile,
    [property: Id(3)] IReadOnlyList<TrendPoint> Trends,
    [property: Id(4)] IReadOnlyList<ProductStats> Products,
    [property: Id(5)] IReadOnlyList<PromotionView> Promotions,
    [property: Id(6)] IReadOnlyList<ViolationView> Violations,
    [property: Id(7)] IReadOnlyList<CommentView> Comments,
    [property: Id(8)] LiveEndReason? EndReason);
