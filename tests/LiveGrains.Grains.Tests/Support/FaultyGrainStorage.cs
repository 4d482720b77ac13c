using Orleans.Storage;

namespace LiveGrains.Grains.Tests.Support;

/// <summary>Grain storage that refuses every write while <see cref="FailWrites"/> is set, the way a database that is down does.</summary>
public sealed class FaultyGrainStorage(IGrainStorage inner) : IGrainStorage
{
    /// <summary>Whether writes fail now.</summary>
    public static volatile bool FailWrites;

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        FailWrites ? throw new InvalidOperationException($"Storage refused the write of {stateName} for {grainId}.") : inner.WriteStateAsync(stateName, grainId, grainState);

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
