namespace LiveGrains.Grains.Rollup;

/// <summary>A slot of <see cref="ViewerMix.Regions"/>: a region, the views from it and its stable hash; an empty slot has no name.</summary>
[GenerateSerializer, Alias("lg.RegionViews")]
public record struct RegionViews([property: Id(0)] string? Name, [property: Id(1)] long Views, [property: Id(2)] ulong Hash);
