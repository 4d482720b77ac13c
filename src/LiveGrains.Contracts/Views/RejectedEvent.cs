using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Metrics;

namespace LiveGrains.Contracts.Views;

/// <summary>An event that was refused, and why.</summary>
/// <param name="Index">Position in the submitted batch (0-based).</param>
/// <param name="EventId">Its eventId, when it could be read.</param>
/// <param name="Reason">What is wrong with it.</param>
[GenerateSerializer, Immutable, Alias("lg.RejectedEvent")]
public sealed record RejectedEvent(
    [property: Id(0)] int Index,
    [property: Id(1)] string? EventId,
    [property: Id(2)] string Reason);
