namespace LiveGrains.Contracts.Events;

/// <summary>The platform found the LIVE in breach of a policy; a suspension also ends the LIVE.</summary>
[GenerateSerializer, Immutable, Alias("lg.ViolationRecorded")]
public sealed record ViolationRecorded(
    [property: Id(0)] string ViolationId,
    [property: Id(1)] string Policy,
    [property: Id(2)] string Reason,
    [property: Id(3)] int Points,
    [property: Id(4)] ViolationAction Action) : LiveEventData
{
    /// <inheritdoc />
    public override string? Validate() =>
        Required(ViolationId, "violationId") ?? Required(Policy, "policy") ?? Required(Reason, "reason")
        ?? NotNegative(Points, "points") ?? Defined(Action, "action");
}
