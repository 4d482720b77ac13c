namespace LiveGrains.Contracts.Events;

/// <summary>A sample of how many viewers are in the room right now.</summary>
[GenerateSerializer, Immutable, Alias("lg.ViewerCountSampled")]
public sealed record ViewerCountSampled([property: Id(0)] long Viewers) : LiveEventData
{
    /// <inheritdoc />
    public override string? Validate() => NotNegative(Viewers, "viewers");
}
