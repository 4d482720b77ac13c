using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace LiveGrains.Grains.Rollup;

/// <summary>
/// One instance of each short string that many LIVEs keep: regions, product ids, names and images, currencies, the texts
/// of promotions and violations. Every event brings its own copy of such a string, read off the wire, and a LIVE that
/// kept its copy held 30 to 150 bytes that each of 10,000 LIVEs held again. Bounded, so that values which never repeat
/// cannot grow it for as long as the process runs: past its most entries, or for a string longer than
/// <see cref="MaxLength"/>, a value is kept as it came.
/// </summary>
/// <param name="maxEntries">The most strings kept.</param>
public sealed class SharedStrings(int maxEntries)
{
    /// <summary>The longest string shared.</summary>
    public const int MaxLength = 256;

    /// <summary>The pool of the process, of at most 100,000 strings (about 10 MB at most).</summary>
    public static SharedStrings Default { get; } = new(100_000);

    private readonly ConcurrentDictionary<string, string> _pool = new(StringComparer.Ordinal);
    // Counted apart: ConcurrentDictionary.Count takes every lock of the dictionary.
    private int _count;

    /// <summary>The instance of <see cref="Default"/> equal to <paramref name="value"/>, or <paramref name="value"/> itself when none is kept.</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static string? Of(string? value) => Default.Share(value);

    /// <summary>The instance kept equal to <paramref name="value"/>, or <paramref name="value"/> itself when none is kept.</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public string? Share(string? value)
    {
        if (value is null || value.Length > MaxLength) return value;
        if (_pool.TryGetValue(value, out var shared)) return shared;
        if (Volatile.Read(ref _count) >= maxEntries) return value;
        if (!_pool.TryAdd(value, value)) return _pool.GetValueOrDefault(value, value);
        Interlocked.Increment(ref _count);
        return value;
    }
}
