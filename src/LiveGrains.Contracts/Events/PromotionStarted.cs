namespace LiveGrains.Contracts.Events;

/// <summary>A flash sale, giveaway or coupon began in the LIVE.</summary>
[GenerateSerializer, Immutable, Alias("lg.PromotionStarted")]
public sealed record PromotionStarted(
    [property: Id(0)] string PromotionId,
    [property: Id(1)] PromotionKind Kind,
    [property: Id(2)] string Details,
    [property: Id(3)] string? ProductId) : LiveEventData
{
    /// <inheritdoc />
    public override string? Validate() => Required(PromotionId, "promotionId") ?? Defined(Kind, "kind") ?? Required(Details, "details");
}
