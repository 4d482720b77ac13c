namespace LiveGrains.Contracts.Events;

/// <summary>A viewer shared the LIVE.</summary>
[GenerateSerializer, Immutable, Alias("lg.LiveShared")]
public sealed record LiveShared([property: Id(0)] string ViewerId) : LiveEventData
{
    /// <inheritdoc />
    public override string? Validate() => Required(ViewerId, "viewerId");
}
