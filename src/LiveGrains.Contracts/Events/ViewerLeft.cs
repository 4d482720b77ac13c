namespace LiveGrains.Contracts.Events;

/// <summary>A viewer left the LIVE room.</summary>
[GenerateSerializer, Immutable, Alias("lg.ViewerLeft")]
public sealed record ViewerLeft([property: Id(0)] string ViewerId) : LiveEventData
{
    /// <inheritdoc />
    public override string? Validate() => Required(ViewerId, "viewerId");
}
