namespace LiveGrains.Contracts.Events;

/// <summary>The creator pinned a product to the LIVE room; it is the one shown on the LIVE card.</summary>
[GenerateSerializer, Immutable, Alias("lg.ProductPinned")]
public sealed record ProductPinned(
    [property: Id(0)] string ProductId,
    [property: Id(1)] string Name,
    [property: Id(2)] decimal Price,
    [property: Id(3)] string Currency,
    [property: Id(4)] string? ImageUrl) : LiveEventData
{
    /// <inheritdoc />
    public override string? Validate() =>
        Required(ProductId, "productId") ?? Required(Name, "name") ?? NotNegative(Price, "price") ?? Money.ValidateCurrency(Currency);
}
