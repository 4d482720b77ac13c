using LiveGrains.Contracts.Events;

namespace LiveGrains.Contracts.EventLog;

/// <summary>An accepted event with its per-LIVE sequence number (1, 2, 3, ... in acceptance order).</summary>
/// <param name="Sequence">Position in the LIVE's log.</param>
/// <param name="Event">The accepted envelope.</param>
[GenerateSerializer, Immutable, Alias("lg.LoggedEvent")]
public sealed record LoggedEvent([property: Id(0)] long Sequence, [property: Id(1)] LiveEvent Event);
