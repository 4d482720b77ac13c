using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Metrics;

namespace LiveGrains.Contracts.Views;

/// <summary>Per-product performance within one LIVE.</summary>
/// <param name="ProductId">Product id.</param>
/// <param name="Name">Name, when the product was pinned at some point.</param>
/// <param name="Price">Price, when known.</param>
/// <param name="ImageUrl">Image, when known.</param>
/// <param name="Impressions">Product impressions.</param>
/// <param name="Clicks">Product clicks.</param>
/// <param name="Orders">Paid orders.</param>
/// <param name="ItemsSold">Units sold.</param>
/// <param name="Gmv">GMV of this product.</param>
/// <param name="Refunds">Refunded orders.</param>
/// <param name="Ctr">Clicks / impressions; null without impressions.</param>
/// <param name="IsPinned">Pinned right now.</param>
[GenerateSerializer, Immutable, Alias("lg.ProductStats")]
public sealed record ProductStats(
    [property: Id(0)] string ProductId,
    [property: Id(1)] string? Name,
    [property: Id(2)] decimal? Price,
    [property: Id(3)] string? ImageUrl,
    [property: Id(4)] long Impressions,
    [property: Id(5)] long Clicks,
    [property: Id(6)] long Orders,
    [property: Id(7)] long ItemsSold,
    [property: Id(8)] decimal Gmv,
    [property: Id(9)] long Refunds,
    [property: Id(10)] decimal? Ctr,
    [property: Id(11)] bool IsPinned);
