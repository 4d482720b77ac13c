using LiveGrains.Contracts.Events;

namespace LiveGrains.Grains.Creators;

/// <summary>Persisted state of a creator.</summary>
[GenerateSerializer, Alias("lg.CreatorState")]
public sealed class CreatorState
{
    [Id(0)] public string? Name;
    [Id(1)] public string? AvatarUrl;
    [Id(2)] public CreatorType CreatorType;
    [Id(3)] public string? AgencyId;
    [Id(4)] public string? CurrentLiveId;
}
