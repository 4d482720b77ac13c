namespace LiveGrains.Contracts.Events;

/// <summary>A promotion of the LIVE ended.</summary>
[GenerateSerializer, Immutable, Alias("lg.PromotionEnded")]
public sealed record PromotionEnded([property: Id(0)] string PromotionId) : LiveEventData
{
    /// <inheritdoc />
    public override string? Validate() => Required(PromotionId, "promotionId");
}
