using System.Text;

namespace LiveGrains.Grains.Rollup;

/// <summary>
/// A 64-bit string hash that is the same in every process and on every run (unlike string.GetHashCode),
/// which HyperLogLog registers persisted across activations require.
/// </summary>
internal static class StableHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Of(string value)
    {
        // FNV-1a over the UTF-8 bytes, then the MurmurHash3 finaliser: FNV alone mixes the high bits poorly, and
        // HyperLogLog takes its register index from the high bits. An ASCII string's chars are its UTF-8 bytes, so most
        // ids are hashed from their chars directly, without encoding them first; registers already kept need the same hash.
        var hash = Offset;
        foreach (var c in value)
        {
            if (c >= 0x80) return OfUtf8(value);
            hash = (hash ^ c) * Prime;
        }
        return Finish(hash);
    }

    private static ulong OfUtf8(string value)
    {
        // On the stack when it fits: non-ASCII viewer ids and regions are hashed once per event too.
        Span<byte> stack = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetMaxByteCount(value.Length) <= stack.Length ? stack[..Encoding.UTF8.GetBytes(value, stack)] : Encoding.UTF8.GetBytes(value);
        var hash = Offset;
        foreach (var b in bytes) hash = (hash ^ b) * Prime;
        return Finish(hash);
    }

    private static ulong Finish(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return hash;
    }
}
