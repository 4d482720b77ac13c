using System.Text;

namespace LiveGrains.Grains.Rollup;

/// <summary>
/// A 64-bit string hash that is the same in every process and on every run (unlike string.GetHashCode),
/// which HyperLogLog registers persisted across activations require.
/// </summary>
internal static class StableHash
{
    public static ulong Of(string value)
    {
        // FNV-1a over the UTF-8 bytes, then the MurmurHash3 finaliser: FNV alone mixes the high bits poorly,
        // and HyperLogLog takes its register index from the high bits.
        Span<byte> stack = stackalloc byte[256];
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        var bytes = max <= stack.Length ? stack[..Encoding.UTF8.GetBytes(value, stack)] : Encoding.UTF8.GetBytes(value);
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return hash;
    }
}
