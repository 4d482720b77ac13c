using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Metrics;

namespace LiveGrains.Contracts.Views;

/// <summary>A policy violation recorded against a LIVE.</summary>
/// <param name="ViolationId">Violation id.</param>
/// <param name="Policy">The policy breached.</param>
/// <param name="Reason">Why, in the platform's words.</param>
/// <param name="Points">Penalty points.</param>
/// <param name="Action">Warning or suspension.</param>
/// <param name="OccurredAt">When it was recorded.</param>
[GenerateSerializer, Immutable, Alias("lg.ViolationView")]
public sealed record ViolationView(
    [property: Id(0)] string ViolationId,
    [property: Id(1)] string Policy,
    [property: Id(2)] string Reason,
    [property: Id(3)] int Points,
    [property: Id(4)] ViolationAction Action,
    [property: Id(5)] DateTimeOffset OccurredAt);
