using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace LiveGrains.Contracts.Views;

/// <summary>
/// The event-log sequence each LIVE of an ingest call acknowledged, by LIVE id. Built from the call's parts as they are:
/// a call of a thousand events reaches several hundred LIVEs, and the lookup by id, which most callers never use, is
/// made on first use rather than for every call.
/// </summary>
public sealed class LiveSequenceDictionary : IReadOnlyDictionary<string, long>
{
    private readonly string[] _liveIds;
    private readonly long[] _sequences;
    private Dictionary<string, int>? _byId;

    /// <summary>Pairs <paramref name="liveIds"/> with <paramref name="sequences"/> by position; ids must be distinct.</summary>
    /// <exception cref="ArgumentException">The two arrays differ in length.</exception>
    public LiveSequenceDictionary(string[] liveIds, long[] sequences)
    {
        ArgumentNullException.ThrowIfNull(liveIds);
        ArgumentNullException.ThrowIfNull(sequences);
        if (liveIds.Length != sequences.Length)
            throw new ArgumentException($"{liveIds.Length} LIVE ids were given with {sequences.Length} sequences.", nameof(sequences));
        (_liveIds, _sequences) = (liveIds, sequences);
    }

    /// <inheritdoc />
    public long this[string key] => TryGetValue(key, out var sequence) ? sequence : throw new KeyNotFoundException($"LIVE '{key}' was not in the call.");

    /// <inheritdoc />
    public IEnumerable<string> Keys => _liveIds;

    /// <inheritdoc />
    public IEnumerable<long> Values => _sequences;

    /// <inheritdoc />
    public int Count => _liveIds.Length;

    /// <inheritdoc />
    public bool ContainsKey(string key) => ById().ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out long value)
    {
        if (ById().TryGetValue(key, out var index))
        {
            value = _sequences[index];
            return true;
        }
        value = 0;
        return false;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, long>> GetEnumerator()
    {
        for (var i = 0; i < _liveIds.Length; i++) yield return new(_liveIds[i], _sequences[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private Dictionary<string, int> ById()
    {
        if (_byId is { } made) return made;
        var byId = new Dictionary<string, int>(_liveIds.Length, StringComparer.Ordinal);
        for (var i = 0; i < _liveIds.Length; i++) byId.Add(_liveIds[i], i);
        // Racing readers may both build it; either copy is the same.
        return _byId = byId;
    }
}
