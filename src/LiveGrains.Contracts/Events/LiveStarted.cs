namespace LiveGrains.Contracts.Events;

/// <summary>The LIVE went on air.</summary>
[GenerateSerializer, Immutable, Alias("lg.LiveStarted")]
public sealed record LiveStarted([property: Id(0)] string Title, [property: Id(1)] CreatorType CreatorType) : LiveEventData
{
    /// <inheritdoc />
    public override string? Validate() => Required(Title, "title") ?? Defined(CreatorType, "creatorType");
}
