using LiveGrains.Contracts.Views;

namespace LiveGrains.Contracts.Streams;

/// <summary>One batched update of an agency's ongoing index, published at most once per tick.</summary>
/// <param name="AgencyId">Agency.</param>
/// <param name="Changed">Cards that changed or appeared.</param>
/// <param name="Ended">LIVEs that left the ongoing index.</param>
/// <param name="At">When the batch was published.</param>
[GenerateSerializer, Immutable, Alias("lg.AgencyCardsChanged")]
public sealed record AgencyCardsChanged(
    [property: Id(0)] string AgencyId,
    [property: Id(1)] IReadOnlyList<LiveCard> Changed,
    [property: Id(2)] IReadOnlyList<string> Ended,
    [property: Id(3)] DateTimeOffset At);
