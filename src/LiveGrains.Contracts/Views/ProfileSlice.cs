using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Metrics;

namespace LiveGrains.Contracts.Views;

/// <summary>One bucket of a viewer-profile breakdown.</summary>
/// <param name="Key">Bucket (e.g. female, 18-24, US, for_you).</param>
/// <param name="Count">Views in this bucket.</param>
[GenerateSerializer, Immutable, Alias("lg.ProfileSlice")]
public sealed record ProfileSlice(
    [property: Id(0)] string Key,
    [property: Id(1)] long Count);
