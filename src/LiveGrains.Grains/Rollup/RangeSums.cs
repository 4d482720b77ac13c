namespace LiveGrains.Grains.Rollup;

/// <summary>What the attention rules read of a range of sealed minutes (<see cref="SealedMinutes.Sum"/>).</summary>
/// <param name="First">The range's first minute.</param>
/// <param name="Last">The range's last minute, included.</param>
/// <param name="PeakViewers">The highest viewer sample in the range; 0 without any.</param>
/// <param name="Interactions">Likes, comments and shares in the range.</param>
public readonly record struct RangeSums(long First, long Last, long PeakViewers, long Interactions);
