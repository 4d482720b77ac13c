namespace LiveGrains.Contracts.Events;

/// <summary>A viewer followed the creator during the LIVE.</summary>
[GenerateSerializer, Immutable, Alias("lg.CreatorFollowed")]
public sealed record CreatorFollowed([property: Id(0)] string ViewerId) : LiveEventData
{
    /// <inheritdoc />
    public override string? Validate() => Required(ViewerId, "viewerId");
}
