namespace LiveGrains.Contracts.Events;

/// <summary>The LIVE went off air, by the creator's choice or by a suspension.</summary>
[GenerateSerializer, Immutable, Alias("lg.LiveEnded")]
public sealed record LiveEnded([property: Id(0)] LiveEndReason Reason) : LiveEventData
{
    /// <inheritdoc />
    public override string? Validate() => Defined(Reason, "reason");
}
