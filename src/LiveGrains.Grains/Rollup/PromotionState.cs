using LiveGrains.Contracts.Events;

namespace LiveGrains.Grains.Rollup;

/// <summary>A promotion of the LIVE; start and end may arrive in either order.</summary>
[GenerateSerializer, Alias("lg.PromotionState")]
public sealed class PromotionState
{
    [Id(0)] public PromotionKind Kind;
    [Id(1)] public string Details = "";
    [Id(2)] public string? ProductId;
    [Id(3)] public DateTimeOffset? StartedAt;
    [Id(4)] public DateTimeOffset? EndedAt;
}
