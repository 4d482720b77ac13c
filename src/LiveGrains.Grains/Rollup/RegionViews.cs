namespace LiveGrains.Grains.Rollup;

/// <summary>A slot of <see cref="ViewerMix.Regions"/>: a region and the views from it; an empty slot has no name.</summary>
[GenerateSerializer, Alias("lg.RegionViews")]
public record struct RegionViews([property: Id(0)] string? Name, [property: Id(1)] long Views);
