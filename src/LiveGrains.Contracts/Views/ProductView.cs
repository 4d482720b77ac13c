using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Metrics;

namespace LiveGrains.Contracts.Views;

/// <summary>A product as shown when pinned in the LIVE room.</summary>
/// <param name="ProductId">Product id.</param>
/// <param name="Name">Product name.</param>
/// <param name="Price">Unit price.</param>
/// <param name="Currency">Price currency.</param>
/// <param name="ImageUrl">Product image.</param>
[GenerateSerializer, Immutable, Alias("lg.ProductView")]
public sealed record ProductView(
    [property: Id(0)] string ProductId,
    [property: Id(1)] string Name,
    [property: Id(2)] decimal Price,
    [property: Id(3)] string Currency,
    [property: Id(4)] string? ImageUrl);
