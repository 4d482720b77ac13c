using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace LiveGrains.Grains.Rollup;

/// <summary>
/// A set of ids (event ids, order ids) kept as 128-bit XxHash128 fingerprints in one open-addressing table.
/// A LIVE remembers every id it has seen, so this is most of its memory: 16 bytes a slot instead of a string and a
/// hash-set entry (about 90 bytes for a typical event id), and a checkpoint copies one byte array instead of
/// thousands of strings. Two distinct ids share a fingerprint with a probability of about n²/2¹²⁹ (below 10⁻²⁶ for
/// a million ids), far below any hardware error rate.
/// </summary>
[GenerateSerializer, Alias("lg.FingerprintSet")]
public sealed class FingerprintSet
{
    private const int MinSlots = 8;

    // Public for the serializer only: the table (16 bytes a slot, all zero when empty) and its occupancy.
    [Id(0)] public byte[] Table = [];
    [Id(1)] public int Count;

    /// <summary>True when the id was added before.</summary>
    public bool Contains(string id) => Contains(Fingerprint(id));

    /// <summary>Adds the id; false when it was already there.</summary>
    public bool Add(string id) => Add(Fingerprint(id));

    /// <summary>True when the id of this <see cref="Fingerprint"/> was added before.</summary>
    public bool Contains(UInt128 fingerprint)
    {
        var slots = Slots;
        var at = Find(slots, fingerprint);
        return at >= 0 && !IsEmpty(slots[at]);
    }

    /// <summary>Adds the id of this <see cref="Fingerprint"/>; false when it was already there.</summary>
    public bool Add(UInt128 fingerprint)
    {
        if (Slots.Length == 0 || (Count + 1) * 4 > Slots.Length * 3) Grow();
        var slots = Slots;
        var at = Find(slots, fingerprint);
        if (!IsEmpty(slots[at])) return false;
        slots[at] = fingerprint;
        Count++;
        return true;
    }

    private Span<UInt128> Slots => MemoryMarshal.Cast<byte, UInt128>(Table.AsSpan());

    private static bool IsEmpty(UInt128 slot) => slot == UInt128.Zero;

    /// <summary>The slot holding the fingerprint, or the empty slot where it belongs; -1 only for an empty table.</summary>
    private static int Find(Span<UInt128> slots, UInt128 fingerprint)
    {
        if (slots.Length == 0) return -1;
        var mask = slots.Length - 1;
        // The fingerprint is uniformly distributed, so its low bits make a good start and linear probing stays short.
        var at = (int)((ulong)fingerprint & (ulong)mask);
        while (!IsEmpty(slots[at]) && slots[at] != fingerprint) at = (at + 1) & mask;
        return at;
    }

    private void Grow()
    {
        var old = Table;
        Table = new byte[Math.Max(MinSlots * 16, old.Length * 2)];
        var slots = Slots;
        foreach (var fingerprint in MemoryMarshal.Cast<byte, UInt128>(old.AsSpan()))
        {
            if (!IsEmpty(fingerprint)) slots[Find(slots, fingerprint)] = fingerprint;
        }
    }

    /// <summary>The id's fingerprint, for a caller that looks an id up and then adds it: hashed once, not twice.</summary>
    public static UInt128 Fingerprint(string id)
    {
        Span<byte> stack = stackalloc byte[256];
        var max = Encoding.UTF8.GetMaxByteCount(id.Length);
        var bytes = max <= stack.Length ? stack[..Encoding.UTF8.GetBytes(id, stack)] : Encoding.UTF8.GetBytes(id);
        var hash = XxHash128.HashToUInt128(bytes);
        // Zero marks an empty slot; the one id that hashes to it is moved to 1 (a collision as unlikely as any other).
        return hash == UInt128.Zero ? UInt128.One : hash;
    }
}
