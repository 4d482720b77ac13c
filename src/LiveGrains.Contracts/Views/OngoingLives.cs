using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Metrics;

namespace LiveGrains.Contracts.Views;

/// <summary>The Ongoing LIVEs page: pinned cards first, then the rest in the chosen order.</summary>
/// <param name="Cards">Matching cards.</param>
/// <param name="TotalOngoing">Ongoing LIVEs of the agency before filtering.</param>
/// <param name="BoundCreators">Creators bound to the agency (0 explains an empty page).</param>
/// <param name="CardMetrics">The agency's chosen card metrics.</param>
/// <param name="AsOf">When the answer was produced.</param>
[GenerateSerializer, Immutable, Alias("lg.OngoingLives")]
public sealed record OngoingLives(
    [property: Id(0)] IReadOnlyList<LiveCard> Cards,
    [property: Id(1)] int TotalOngoing,
    [property: Id(2)] int BoundCreators,
    [property: Id(3)] IReadOnlyList<string> CardMetrics,
    [property: Id(4)] DateTimeOffset AsOf);
