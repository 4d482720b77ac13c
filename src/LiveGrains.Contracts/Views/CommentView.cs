using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Metrics;

namespace LiveGrains.Contracts.Views;

/// <summary>One viewer comment as shown on cards and the dashboard.</summary>
/// <param name="ViewerId">Commenting viewer.</param>
/// <param name="Nickname">Viewer's display name.</param>
/// <param name="Text">Comment text.</param>
/// <param name="OccurredAt">When it was posted.</param>
[GenerateSerializer, Immutable, Alias("lg.CommentView")]
public sealed record CommentView(
    [property: Id(0)] string ViewerId,
    [property: Id(1)] string Nickname,
    [property: Id(2)] string Text,
    [property: Id(3)] DateTimeOffset OccurredAt);
