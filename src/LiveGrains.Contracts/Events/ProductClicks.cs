namespace LiveGrains.Contracts.Events;

/// <summary>Clicks on a product in the LIVE since the previous such event.</summary>
[GenerateSerializer, Immutable, Alias("lg.ProductClicks")]
public sealed record ProductClicks([property: Id(0)] string ProductId, [property: Id(1)] long Count) : LiveEventData
{
    /// <inheritdoc />
    public override string? Validate() => Required(ProductId, "productId") ?? NotNegative(Count, "count");
}
