using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Metrics;

namespace LiveGrains.Contracts.Views;

/// <summary>One minute of a LIVE's performance trend.</summary>
/// <param name="Minute">Start of the minute (UTC).</param>
/// <param name="Values">Trendable catalog metrics for that minute.</param>
[GenerateSerializer, Immutable, Alias("lg.TrendPoint")]
public sealed record TrendPoint(
    [property: Id(0)] DateTimeOffset Minute,
    [property: Id(1)] IReadOnlyDictionary<string, decimal?> Values);
