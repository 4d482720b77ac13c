using System.IO.Hashing;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace LiveGrains.Grains.Rollup;

/// <summary>
/// A set of ids (event ids, order ids) kept as XxHash128 fingerprints in one open-addressing table
/// (<see cref="ProbedSlots"/>), a slot of 16 bytes (the whole fingerprint) or of 8 (its low half) instead of a string and
/// a hash-set entry (about 90 bytes for a typical event id); a checkpoint copies one byte array instead of thousands of
/// strings. Two distinct ids share a fingerprint with a probability of about n²/2¹²⁹ in a full-width set (below 10⁻²⁶
/// for a million ids). A half-width set takes half the memory: with n ids in it, a new id is taken for one of them with
/// a probability of n/2⁶⁴, about 5·10⁻¹⁶ for ten thousand ids, and two of n ids share a fingerprint with one of about
/// n²/2⁶⁵ (3·10⁻¹² for ten thousand, a LIVE's orders), far below any hardware error rate.
/// </summary>
[GenerateSerializer, Alias("lg.FingerprintSet")]
public sealed class FingerprintSet
{
    /// <summary>A set keeping whole 128-bit fingerprints.</summary>
    public FingerprintSet() : this(FingerprintWidth.Full)
    {
    }

    /// <summary>A set keeping fingerprints of the given width.</summary>
    public FingerprintSet(FingerprintWidth width) => Width = width;

    // Public for the serializer only: the table (all zero when empty), its occupancy, and the slot width. Checkpoints
    // written before half-width sets existed hold no width: 0 reads as full, which is what their tables are.
    [Id(0)] public byte[] Table = [];
    [Id(1)] public int Count;
    [Id(2)] public FingerprintWidth Width;

    // Where the last fingerprint that Contains did not find belongs, until the table next changes: a LIVE looks an event
    // id up, applies the event, then adds the id, and the add skips probing the same run again. Zero while nothing is
    // noted (no fingerprint is zero), which is also what a copy made by the serializer starts with.
    [NonSerialized] private UInt128 _missed;
    [NonSerialized] private int _missedAt;

    /// <summary>True when the id was added before.</summary>
    public bool Contains(string id) => Contains(Fingerprint(id));

    /// <summary>Adds the id; false when it was already there.</summary>
    public bool Add(string id) => Add(Fingerprint(id));

    /// <summary>True when the id of this <see cref="Fingerprint"/> was added before.</summary>
    public bool Contains(UInt128 fingerprint) =>
        Width == FingerprintWidth.Half ? Contains(Half(fingerprint), fingerprint) : Contains(fingerprint, fingerprint);

    /// <summary>Adds the id of this <see cref="Fingerprint"/>; false when it was already there.</summary>
    public bool Add(UInt128 fingerprint) =>
        Width == FingerprintWidth.Half ? Add(Half(fingerprint), fingerprint) : Add(fingerprint, fingerprint);

    private bool Contains<T>(T key, UInt128 fingerprint) where T : unmanaged, IBinaryInteger<T>
    {
        var slots = Slots<T>();
        var at = ProbedSlots.Find<T>(slots, key);
        if (at >= 0 && slots[at] != T.Zero) return true;
        if (at >= 0) (_missed, _missedAt) = (fingerprint, at);
        return false;
    }

    private bool Add<T>(T key, UInt128 fingerprint) where T : unmanaged, IBinaryInteger<T>
    {
        int at;
        if (fingerprint == _missed)
        {
            at = _missedAt;
        }
        else
        {
            at = ProbedSlots.Find<T>(Slots<T>(), key);
            if (at >= 0 && Slots<T>()[at] != T.Zero) return false;
        }
        _missed = UInt128.Zero;
        // Grown only for an id that is new: retries of the ids already in a full table do not double it.
        if (ProbedSlots.IsFullFor(Count, Slots<T>().Length))
        {
            Grow<T>();
            at = ProbedSlots.Find<T>(Slots<T>(), key);
        }
        Slots<T>()[at] = key;
        Count++;
        return true;
    }

    /// <summary>The low 64 bits of every fingerprint in the set, as a half-width set keeps them.</summary>
    internal IEnumerable<ulong> LowHalves()
    {
        if (Width == FingerprintWidth.Half)
        {
            for (var i = 0; i < Table.Length / sizeof(ulong); i++)
            {
                var key = BitConverter.ToUInt64(Table, i * sizeof(ulong));
                if (key != 0) yield return key;
            }
        }
        else
        {
            for (var i = 0; i < Table.Length / 16; i++)
            {
                var fingerprint = MemoryMarshal.Read<UInt128>(Table.AsSpan(i * 16));
                if (fingerprint != UInt128.Zero) yield return Half(fingerprint);
            }
        }
    }

    private Span<T> Slots<T>() where T : unmanaged => MemoryMarshal.Cast<byte, T>(Table.AsSpan());

    // Zero marks an empty slot, so a half that is zero is kept as 1, like a whole fingerprint (a collision as unlikely as any other).
    private static ulong Half(UInt128 fingerprint) => (ulong)fingerprint is var low && low != 0 ? low : 1;

    private void Grow<T>() where T : unmanaged, IBinaryInteger<T>
    {
        var old = Table;
        Table = new byte[ProbedSlots.GrownLength(Slots<T>().Length) * Unsafe.SizeOf<T>()];
        ProbedSlots.MoveAll<T>(MemoryMarshal.Cast<byte, T>(old.AsSpan()), Slots<T>());
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
