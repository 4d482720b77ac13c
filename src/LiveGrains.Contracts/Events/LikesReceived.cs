namespace LiveGrains.Contracts.Events;

/// <summary>Likes (taps) received since the previous likes event.</summary>
[GenerateSerializer, Immutable, Alias("lg.LikesReceived")]
public sealed record LikesReceived([property: Id(0)] long Count) : LiveEventData
{
    /// <inheritdoc />
    public override string? Validate() => NotNegative(Count, "count");
}
