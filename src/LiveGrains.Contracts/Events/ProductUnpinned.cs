namespace LiveGrains.Contracts.Events;

/// <summary>The creator took the pinned product down.</summary>
[GenerateSerializer, Immutable, Alias("lg.ProductUnpinned")]
public sealed record ProductUnpinned([property: Id(0)] string ProductId) : LiveEventData
{
    /// <inheritdoc />
    public override string? Validate() => Required(ProductId, "productId");
}
