namespace LiveGrains.Contracts.Events;

/// <summary>A viewer paid for an order placed in the LIVE. <see cref="IsAffiliate"/> orders count toward affiliate GMV.</summary>
[GenerateSerializer, Immutable, Alias("lg.OrderPaid")]
public sealed record OrderPaid(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string ProductId,
    [property: Id(2)] string BuyerId,
    [property: Id(3)] int Quantity,
    [property: Id(4)] decimal Amount,
    [property: Id(5)] string Currency,
    [property: Id(6)] bool IsAffiliate) : LiveEventData
{
    /// <inheritdoc />
    public override string? Validate() =>
        Required(OrderId, "orderId") ?? Required(ProductId, "productId") ?? Required(BuyerId, "buyerId")
        ?? (Quantity <= 0 ? $"data.quantity must be positive (got {Quantity})" : null)
        ?? NotNegative(Amount, "amount") ?? Money.ValidateCurrency(Currency);
}
