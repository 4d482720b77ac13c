using System.Collections;

namespace LiveGrains.Contracts.Metrics;

/// <summary>
/// Every catalog metric of one LIVE by key, in catalog order: a read-only dictionary over one array. A card carries it
/// through the silo's relay, the agency streams and the web hosts for every LIVE that changed, every tick; Orleans writes
/// it as the array, without the keys a dictionary repeats on every card, and it is immutable, so calls inside a process
/// pass it as is. It is tagged with the catalog it was derived by: a process on another catalog (during a rolling upgrade
/// that adds a metric) reads no values rather than misplaced ones.
/// <para>
/// Made from a LIVE's counters (a card's, every tick), it derives its values when first read: a card is read only where a
/// dashboard or a query needs it, and most are replaced by the next tick's before that. Its 30-odd decimals were the
/// largest part of a card, which the collector moves when a card outlives a collection. Before it is written for another
/// process it derives them, so the wire carries the values as before and never the counters.
/// </para>
/// </summary>
[GenerateSerializer, Immutable, Alias("lg.MetricDictionary")]
public sealed class MetricDictionary : IReadOnlyDictionary<string, decimal?>
{
    // Null only until a dictionary made from counters is first read or written. Two threads reading one card at once may
    // both derive: they derive the same values, and either array will do.
    [NonSerialized] private decimal?[]? _values;
    [Id(1)] private readonly int _catalog;
    [NonSerialized] private readonly LiveCounters? _counters;

    /// <summary>The values as the serializer writes and reads them (field 0): derived first when not yet. For the serializer only.</summary>
    [Id(0)]
    internal decimal?[] WrittenValues
    {
        get => ValueArray;
        set => _values = value;
    }

    /// <summary>Takes <paramref name="values"/>, one per <see cref="MetricCatalog.All"/> entry, in its order.</summary>
    internal MetricDictionary(decimal?[] values) : this(values, MetricCatalog.Fingerprint)
    {
        if (values.Length != MetricCatalog.All.Count)
            throw new ArgumentException($"Expected {MetricCatalog.All.Count} values, one per catalog metric; got {values.Length}.", nameof(values));
    }

    /// <summary>Values derived by the catalog with fingerprint <paramref name="catalog"/> (another process's, in tests).</summary>
    internal MetricDictionary(decimal?[] values, int catalog) => (_values, _catalog) = (values, catalog);

    /// <summary>The metrics of <paramref name="counters"/>, derived by this process's catalog when first read.</summary>
    internal MetricDictionary(LiveCounters counters) => (_counters, _catalog) = (counters, MetricCatalog.Fingerprint);

    private decimal?[] ValueArray => _values ??= _counters is null ? [] : MetricCatalog.DeriveValues(_counters);

    private bool Readable => _catalog == MetricCatalog.Fingerprint && ValueArray.Length == MetricCatalog.All.Count;

    /// <inheritdoc />
    public decimal? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No metric '{key}'.");

    /// <inheritdoc />
    public IEnumerable<string> Keys => Readable ? MetricCatalog.Keys : [];

    /// <inheritdoc />
    public IEnumerable<decimal?> Values => Readable ? ValueArray : [];

    /// <inheritdoc />
    public int Count => Readable ? ValueArray.Length : 0;

    /// <inheritdoc />
    public bool ContainsKey(string key) => Readable && MetricCatalog.IndexOf(key) >= 0;

    /// <inheritdoc />
    public bool TryGetValue(string key, out decimal? value)
    {
        var index = Readable ? MetricCatalog.IndexOf(key) : -1;
        value = index >= 0 ? ValueArray[index] : null;
        return index >= 0;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, decimal?>> GetEnumerator()
    {
        if (!Readable) yield break;
        var keys = MetricCatalog.Keys;
        var values = ValueArray;
        for (var i = 0; i < values.Length; i++) yield return new(keys[i], values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
