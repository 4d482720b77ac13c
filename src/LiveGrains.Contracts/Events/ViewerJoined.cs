namespace LiveGrains.Contracts.Events;

/// <summary>A viewer entered the LIVE room; the profile fields feed the viewer analysis.</summary>
[GenerateSerializer, Immutable, Alias("lg.ViewerJoined")]
public sealed record ViewerJoined(
    [property: Id(0)] string ViewerId,
    [property: Id(1)] Gender Gender,
    [property: Id(2)] AgeBand AgeBand,
    [property: Id(3)] string Region,
    [property: Id(4)] bool IsFollower,
    [property: Id(5)] TrafficSource TrafficSource) : LiveEventData
{
    /// <inheritdoc />
    public override string? Validate() =>
        Required(ViewerId, "viewerId") ?? Required(Region, "region") ?? Defined(Gender, "gender") ?? Defined(AgeBand, "ageBand")
        ?? Defined(TrafficSource, "trafficSource");
}
