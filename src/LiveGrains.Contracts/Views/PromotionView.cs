using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Metrics;

namespace LiveGrains.Contracts.Views;

/// <summary>A promotion of a LIVE and the sales made while it ran.</summary>
/// <param name="PromotionId">Promotion id.</param>
/// <param name="Kind">Flash sale, giveaway or coupon.</param>
/// <param name="Details">What was offered.</param>
/// <param name="ProductId">Product it applied to, if any.</param>
/// <param name="StartedAt">Start, when known.</param>
/// <param name="EndedAt">End, when it has ended.</param>
/// <param name="Orders">Orders paid in the minutes it ran.</param>
/// <param name="Gmv">GMV in the minutes it ran.</param>
[GenerateSerializer, Immutable, Alias("lg.PromotionView")]
public sealed record PromotionView(
    [property: Id(0)] string PromotionId,
    [property: Id(1)] PromotionKind Kind,
    [property: Id(2)] string Details,
    [property: Id(3)] string? ProductId,
    [property: Id(4)] DateTimeOffset? StartedAt,
    [property: Id(5)] DateTimeOffset? EndedAt,
    [property: Id(6)] long Orders,
    [property: Id(7)] decimal Gmv);
