using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Metrics;

namespace LiveGrains.Contracts.Views;

/// <summary>Why a LIVE needs attention, in words an agency can act on.</summary>
/// <param name="Rule">Which rule fired.</param>
/// <param name="Message">Human-readable reason with the numbers.</param>
[GenerateSerializer, Immutable, Alias("lg.AttentionReason")]
public sealed record AttentionReason(
    [property: Id(0)] AttentionRule Rule,
    [property: Id(1)] string Message);
