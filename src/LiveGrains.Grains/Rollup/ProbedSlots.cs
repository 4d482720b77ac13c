using System.Numerics;

namespace LiveGrains.Grains.Rollup;

/// <summary>
/// The slots of an open-addressing table of uniformly distributed, non-zero keys (hashes, fingerprints): a power-of-two
/// length, linear probing from the key's low bits, zero for an empty slot. The table doubles when one more key would
/// make it more than seven eighths full. A table that doubled at three quarters (as these did) held a 64-bit key in 15
/// bytes on average and in 21 just past a doubling, 800 keys in 16 KB; now 13 and 18, and 800 keys in 8 KB. Fuller
/// tables make longer probe runs, so a caller that looks a key up and then adds it probes once, not twice
/// (<see cref="FingerprintSet"/>).
/// </summary>
internal static class ProbedSlots
{
    private const int MinLength = 8;

    /// <summary>Whether one more key needs a longer table than <paramref name="length"/> slots.</summary>
    public static bool IsFullFor(int count, int length) => (long)(count + 1) * 8 > (long)length * 7;

    /// <summary>The length to grow a table of <paramref name="length"/> slots to.</summary>
    public static int GrownLength(int length) => Math.Max(MinLength, length * 2);

    /// <summary>The slot holding <paramref name="key"/>, or the empty slot where it belongs; -1 only for an empty table.</summary>
    public static int Find<T>(ReadOnlySpan<T> slots, T key) where T : unmanaged, IBinaryInteger<T>
    {
        if (slots.IsEmpty) return -1;
        var mask = slots.Length - 1;
        var at = int.CreateTruncating(key) & mask;
        while (slots[at] != T.Zero && slots[at] != key) at = (at + 1) & mask;
        return at;
    }

    /// <summary>Puts the keys of <paramref name="from"/> in the empty, longer table <paramref name="to"/>.</summary>
    public static void MoveAll<T>(ReadOnlySpan<T> from, Span<T> to) where T : unmanaged, IBinaryInteger<T>
    {
        foreach (var key in from)
        {
            if (key != T.Zero) to[Find<T>(to, key)] = key;
        }
    }
}
