using System.Numerics;

namespace LiveGrains.LoadGen.Measure;

/// <summary>
/// A log-linear histogram of latencies in microseconds, in the manner of HdrHistogram: values below 128 are exact,
/// larger ones fall in buckets of 1/64 of their power of two, so any percentile is within 1.6 % of the true value
/// while recording costs one array increment and no allocation. Not thread-safe: one per sender, merged at the end.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBits = 6;
    private const int Linear = 1 << (SubBits + 1);
    private const int Half = 1 << SubBits;
    private readonly long[] _counts = new long[Linear + (64 - SubBits) * Half];

    /// <summary>Values recorded.</summary>
    public long Count { get; private set; }

    /// <summary>Largest value recorded (exact).</summary>
    public long Max { get; private set; }

    /// <summary>Smallest value recorded (exact; 0 when empty).</summary>
    public long Min { get; private set; }

    /// <summary>Records one value (negative values count as 0).</summary>
    public void Record(long micros)
    {
        var v = Math.Max(0, micros);
        _counts[IndexOf(v)]++;
        Min = Count == 0 ? v : Math.Min(Min, v);
        Max = Math.Max(Max, v);
        Count++;
    }

    /// <summary>Adds every value of <paramref name="other"/>.</summary>
    public void Merge(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Count == 0) return;
        for (var i = 0; i < _counts.Length; i++) _counts[i] += other._counts[i];
        Min = Count == 0 ? other.Min : Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
        Count += other.Count;
    }

    /// <summary>
    /// The value at percentile <paramref name="p"/> (0–100): the smallest recorded value such that at least p % of the
    /// values are at or below it, reported as the top of its bucket (never above <see cref="Max"/>).
    /// </summary>
    public long Percentile(double p)
    {
        if (Count == 0) return 0;
        if (p >= 100) return Max;
        var rank = Math.Max(1, (long)Math.Ceiling(p / 100.0 * Count));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank) return Math.Clamp(HighestIn(i), Min, Max);
        }
        return Max;
    }

    internal static int IndexOf(long v)
    {
        if (v < Linear) return (int)v;
        var shift = 63 - BitOperations.LeadingZeroCount((ulong)v) - SubBits;
        var sub = (int)(v >> shift);
        return Linear + (shift - 1) * Half + (sub - Half);
    }

    internal static long HighestIn(int index)
    {
        if (index < Linear) return index;
        var shift = (index - Linear) / Half + 1;
        var sub = (index - Linear) % Half + Half;
        return ((long)(sub + 1) << shift) - 1;
    }
}
