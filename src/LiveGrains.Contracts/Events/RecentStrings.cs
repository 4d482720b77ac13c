using System.Buffers.Binary;
using System.Text.Json;

namespace LiveGrains.Contracts.Events;

/// <summary>
/// The strings of values that repeat from event to event in a body (a LIVE's id and its creator's), each kept with its
/// UTF-8 bytes: a value read again is the same string, not another transcoded copy. One per thread, since reading
/// never awaits; a small table addressed by hash, so a value that is not seen again costs one slot and nothing more.
/// </summary>
internal sealed class RecentStrings
{
    private const int SlotBits = 8;
    private const int Slots = 1 << SlotBits;

    // Longer values are read as they come: ids are short, and hashing a long text would cost more than it saves.
    private const int MaxBytes = 64;

    [ThreadStatic] private static RecentStrings? t_current;

    private readonly byte[]?[] _utf8 = new byte[Slots][];
    private readonly string?[] _strings = new string?[Slots];

    /// <summary>This thread's table.</summary>
    public static RecentStrings Current => t_current ??= new RecentStrings();

    /// <summary>
    /// The string of the value <paramref name="reader"/> stands on (a string token). Throws as
    /// <see cref="Utf8JsonReader.GetString"/> does for text that is not valid UTF-8, which is never kept.
    /// </summary>
    public string Read(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > MaxBytes) return reader.GetString()!;
        var utf8 = reader.ValueSpan;
        var slot = SlotOf(utf8);
        if (_utf8[slot] is { } kept && utf8.SequenceEqual(kept)) return _strings[slot]!;
        var value = reader.GetString()!;
        _utf8[slot] = utf8.ToArray();
        _strings[slot] = value;
        return value;
    }

    // From the first and the last eight bytes (ids differ most at their ends), multiplied and folded: a few cycles,
    // where a hash of every byte would cost about what transcoding the value does.
    private static int SlotOf(ReadOnlySpan<byte> utf8)
    {
        ulong head, tail;
        if (utf8.Length >= sizeof(ulong))
        {
            head = BinaryPrimitives.ReadUInt64LittleEndian(utf8);
            tail = BinaryPrimitives.ReadUInt64LittleEndian(utf8[^sizeof(ulong)..]);
        }
        else
        {
            Span<byte> padded = stackalloc byte[sizeof(ulong)];
            padded.Clear();
            utf8.CopyTo(padded);
            head = tail = BinaryPrimitives.ReadUInt64LittleEndian(padded);
        }
        var mixed = (head * 0x9E3779B97F4A7C15UL) ^ (tail * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)utf8.Length;
        return (int)(mixed >> (64 - SlotBits));
    }
}
