using LiveGrains.Contracts.Views;

namespace LiveGrains.Storage.History;

/// <summary>The lists of a LIVE's dashboard as read back from the history child tables.</summary>
/// <param name="Trends">Trend minutes, in time order.</param>
/// <param name="Products">Products, in dashboard order.</param>
/// <param name="Promotions">Promotions, in dashboard order.</param>
/// <param name="Violations">Violations, in dashboard order.</param>
/// <param name="Comments">The comment sample, in dashboard order.</param>
internal sealed record HistoryDetails(
    IReadOnlyList<TrendPoint> Trends,
    IReadOnlyList<ProductStats> Products,
    IReadOnlyList<PromotionView> Promotions,
    IReadOnlyList<ViolationView> Violations,
    IReadOnlyList<CommentView> Comments);
