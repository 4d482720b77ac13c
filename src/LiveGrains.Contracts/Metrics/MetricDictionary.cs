using System.Collections;

namespace LiveGrains.Contracts.Metrics;

/// <summary>
/// Every catalog metric of one LIVE by key, in catalog order: a read-only dictionary over one array. A card carries it
/// through the silo's relay, the agency streams and the web hosts for every LIVE that changed, every tick; Orleans writes
/// it as the array, without the keys a dictionary repeats on every card, and it is immutable, so calls inside a process
/// pass it as is. It is tagged with the catalog it was derived by: a process on another catalog (during a rolling upgrade
/// that adds a metric) reads no values rather than misplaced ones.
/// </summary>
[GenerateSerializer, Immutable, Alias("lg.MetricDictionary")]
public sealed class MetricDictionary : IReadOnlyDictionary<string, decimal?>
{
    [Id(0)] private readonly decimal?[] _values;
    [Id(1)] private readonly int _catalog;

    /// <summary>Takes <paramref name="values"/>, one per <see cref="MetricCatalog.All"/> entry, in its order.</summary>
    internal MetricDictionary(decimal?[] values) : this(values, MetricCatalog.Fingerprint)
    {
        if (values.Length != MetricCatalog.All.Count)
            throw new ArgumentException($"Expected {MetricCatalog.All.Count} values, one per catalog metric; got {values.Length}.", nameof(values));
    }

    /// <summary>Values derived by the catalog with fingerprint <paramref name="catalog"/> (another process's, in tests).</summary>
    internal MetricDictionary(decimal?[] values, int catalog) => (_values, _catalog) = (values, catalog);

    private bool Readable => _catalog == MetricCatalog.Fingerprint && _values.Length == MetricCatalog.All.Count;

    /// <inheritdoc />
    public decimal? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No metric '{key}'.");

    /// <inheritdoc />
    public IEnumerable<string> Keys => Readable ? MetricCatalog.Keys : [];

    /// <inheritdoc />
    public IEnumerable<decimal?> Values => Readable ? _values : [];

    /// <inheritdoc />
    public int Count => Readable ? _values.Length : 0;

    /// <inheritdoc />
    public bool ContainsKey(string key) => Readable && MetricCatalog.IndexOf(key) >= 0;

    /// <inheritdoc />
    public bool TryGetValue(string key, out decimal? value)
    {
        var index = Readable ? MetricCatalog.IndexOf(key) : -1;
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, decimal?>> GetEnumerator()
    {
        if (!Readable) yield break;
        var keys = MetricCatalog.Keys;
        for (var i = 0; i < _values.Length; i++) yield return new(keys[i], _values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
