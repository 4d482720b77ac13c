namespace LiveGrains.Contracts.Events;

/// <summary>Times the LIVE was shown to users (in feeds, search, ...) since the previous such event.</summary>
[GenerateSerializer, Immutable, Alias("lg.LiveImpressions")]
public sealed record LiveImpressions([property: Id(0)] long Count) : LiveEventData
{
    /// <inheritdoc />
    public override string? Validate() => NotNegative(Count, "count");
}
