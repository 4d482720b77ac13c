namespace LiveGrains.Contracts.Events;

/// <summary>Times a product was shown in the LIVE since the previous such event.</summary>
[GenerateSerializer, Immutable, Alias("lg.ProductImpressions")]
public sealed record ProductImpressions([property: Id(0)] string ProductId, [property: Id(1)] long Count) : LiveEventData
{
    /// <inheritdoc />
    public override string? Validate() => Required(ProductId, "productId") ?? NotNegative(Count, "count");
}
