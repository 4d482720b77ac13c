using LiveGrains.Contracts.Views;

namespace LiveGrains.Contracts.Streams;

/// <summary>One batched update of a LIVE's detail (dashboard), published at most once per tick.</summary>
/// <param name="LiveId">LIVE.</param>
/// <param name="Card">Current card (overview metrics).</param>
/// <param name="NewComments">Comments since the previous update, newest first.</param>
/// <param name="NewViolations">Violations since the previous update.</param>
/// <param name="Trends">Minutes that changed since the previous update.</param>
/// <param name="At">When it was published.</param>
[GenerateSerializer, Immutable, Alias("lg.LiveDetailUpdate")]
public sealed record LiveDetailUpdate(
    [property: Id(0)] string LiveId,
    [property: Id(1)] LiveCard Card,
    [property: Id(2)] IReadOnlyList<CommentView> NewComments,
    [property: Id(3)] IReadOnlyList<ViolationView> NewViolations,
    [property: Id(4)] IReadOnlyList<TrendPoint> Trends,
    [property: Id(5)] DateTimeOffset At);
