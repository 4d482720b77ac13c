namespace LiveGrains.Silo.Backfill;

/// <summary>
/// The key columns under which Orleans' ADO.NET grain storage files a grain (<c>grain_id_n0</c>, <c>grain_id_n1</c>,
/// <c>grain_id_ext</c>), and the way back to a key. The provider keeps a string key whole only when Orleans does not read
/// it as a number: a key of up to 16 hex digits ("1001", "c0ffee") is filed as an integer, one of 32 as a Guid, and that
/// drops leading zeros and the letters' case. Such a key comes back exactly only from a spelling known elsewhere.
/// </summary>
/// <param name="N0">First half of a Guid key; 0 for other keys.</param>
/// <param name="N1">Second half of a Guid key, or an integer key; 0 for a string key.</param>
/// <param name="Extension">A string key whole, or the extension of an integer or Guid key ('' when none).</param>
public readonly record struct StoredGrainKey(long N0, long N1, string Extension)
{
    /// <summary>The columns the provider fills for <paramref name="key"/>, read the way Orleans reads grain keys.</summary>
    public static StoredGrainKey Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        // The grain type plays no part in how a key is read.
        var grainId = GrainId.Create("key", key);
        if (grainId.TryGetGuidKey(out var guid, out var extension))
        {
            Span<byte> bytes = stackalloc byte[16];
            guid.TryWriteBytes(bytes);
            return new StoredGrainKey(BitConverter.ToInt64(bytes), BitConverter.ToInt64(bytes[8..]), extension ?? "");
        }
        if (grainId.TryGetIntegerKey(out var number, out extension)) return new StoredGrainKey(0, number, extension ?? "");
        return new StoredGrainKey(0, 0, key);
    }

    /// <summary>
    /// The key when these columns hold it whole: a string key, which Orleans does not read as a number. Null for an
    /// integer or Guid key, whose spelling the columns do not keep.
    /// </summary>
    public string? WholeKey => N0 == 0 && N1 == 0 && Extension.Length > 0 && Of(Extension) == this ? Extension : null;
}
