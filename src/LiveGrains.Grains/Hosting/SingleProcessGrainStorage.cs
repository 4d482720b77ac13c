using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Storage;

namespace LiveGrains.Grains.Hosting;

/// <summary>
/// Grain storage for a cluster of one silo (embedded mode, the in-process benchmark): each state is kept serialized in
/// this process's memory, with the same optimistic concurrency as a database provider (a write with a stale ETag is
/// refused). Orleans' memory storage routes every read and write through storage grains and deep-copies state on both
/// hops, so that several silos can share it; with one silo that buys nothing, and at the start of ten thousand LIVEs the
/// read of each new LIVE's (absent) state was one of the largest costs in profiles.
/// </summary>
public sealed class SingleProcessGrainStorage(IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), Stored> _states = new();
    private long _lastETag;

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (_states.TryGetValue((stateName, grainId), out var stored))
        {
            grainState.State = serializer.Deserialize<T>(stored.Data);
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var data = serializer.Serialize(grainState.State);
        var etag = Replace((stateName, grainId), grainState.ETag, data);
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        Replace((stateName, grainId), grainState.ETag, data: null);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    /// <summary>Stores (or, with null data, removes) a state if its ETag is still <paramref name="expected"/>; returns the new ETag.</summary>
    private string? Replace((string, GrainId) key, string? expected, BinaryData? data)
    {
        while (true)
        {
            var found = _states.TryGetValue(key, out var current);
            if ((found ? current!.ETag : null) != expected)
                throw new InconsistentStateException($"The stored state of {key.Item2} changed since it was read", found ? current!.ETag : "none", expected ?? "none");
            if (data is null)
            {
                if (!found || _states.TryRemove(new KeyValuePair<(string, GrainId), Stored>(key, current!))) return null;
                continue;
            }
            var next = new Stored(data, Interlocked.Increment(ref _lastETag).ToString(CultureInfo.InvariantCulture));
            if (found ? _states.TryUpdate(key, next, current!) : _states.TryAdd(key, next)) return next.ETag;
        }
    }

    private sealed record Stored(BinaryData Data, string ETag);
}
