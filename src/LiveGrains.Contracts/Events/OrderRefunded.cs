namespace LiveGrains.Contracts.Events;

/// <summary>An order paid in the LIVE was refunded (in full or in part).</summary>
[GenerateSerializer, Immutable, Alias("lg.OrderRefunded")]
public sealed record OrderRefunded(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string ProductId,
    [property: Id(2)] int Quantity,
    [property: Id(3)] decimal Amount,
    [property: Id(4)] string Currency,
    [property: Id(5)] bool IsAffiliate) : LiveEventData
{
    /// <inheritdoc />
    public override string? Validate() =>
        Required(OrderId, "orderId") ?? Required(ProductId, "productId")
        ?? (Quantity < 0 ? $"data.quantity must not be negative (got {Quantity})" : null)
        ?? NotNegative(Amount, "amount") ?? Money.ValidateCurrency(Currency);
}
