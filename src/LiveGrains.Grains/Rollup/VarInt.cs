namespace LiveGrains.Grains.Rollup;

/// <summary>
/// Unsigned integers in 7-bit groups, low group first, the high bit of each byte set while more follow: one byte below
/// 128, ten at most. What sealed minutes and stored comments are written in.
/// </summary>
internal static class VarInt
{
    /// <summary>Bytes that <paramref name="value"/> takes.</summary>
    public static int Size(ulong value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }
        return size;
    }

    /// <summary>Writes <paramref name="value"/> at <paramref name="at"/>; returns where the next value goes.</summary>
    public static int Write(Span<byte> bytes, int at, ulong value)
    {
        while (value >= 0x80)
        {
            bytes[at++] = (byte)(value | 0x80);
            value >>= 7;
        }
        bytes[at++] = (byte)value;
        return at;
    }

    /// <summary>Reads the value at <paramref name="at"/>, and moves <paramref name="at"/> past it.</summary>
    public static ulong Read(ReadOnlySpan<byte> bytes, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
    }
}
