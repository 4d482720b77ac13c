namespace LiveGrains.Grains.Rollup;

/// <summary>
/// The part of a <see cref="DedupeWindow"/> that keeps event ids made of one prefix and a counter (<c>"{liveId}-{n}"</c>,
/// as producers that number a LIVE's events write them): a nibble per counter value from the lowest one kept to the
/// highest, instead of a 64-bit fingerprint per id. A nibble holds the generation its id was added in (8 | generation
/// mod 8; 0 for an id not added), so the window forgets these ids generation by generation exactly as it forgets
/// fingerprints. Counters that would spread the map thinner than a fingerprint per id costs are refused and kept as
/// fingerprints instead (<see cref="TryAdd"/>). A struct inside the window, not an object of its own: at ten thousand
/// LIVEs each object on the way from a LIVE to its nibbles is one more read that misses the caches.
/// </summary>
[GenerateSerializer, Alias("lg.EventSequenceMap")]
public struct EventSequenceMap
{
    /// <summary>Longest counter read: 18 decimal digits always fit a long.</summary>
    public const int MaxDigits = 18;

    // A map this short (in counter values, 1 KiB) is always allowed; a longer one only while it spends at most a nibble on
    // each of 16 counter values per id held, 8 bytes an id: what a fingerprint in the window's table costs at best.
    private const long FreeSpan = 2048;
    private const long SpanPerId = 16;
    private const int TagBit = 8;
    private const long GenerationMask = 7;

    /// <summary>Starts a map for ids that begin with <paramref name="prefix"/>.</summary>
    public EventSequenceMap(string prefix) => (Prefix, Tags) = (prefix, []);

    /// <summary>The text before the counter, the same in every id kept here; null in a map not started.</summary>
    [Id(0)] public string? Prefix;

    // Public for the serializer only: the counter of the first nibble (even), the nibbles two to a byte (the lower
    // counter in the low nibble), and the ids held.
    [Id(1)] public long Base;
    [Id(2)] public byte[] Tags;
    [Id(3)] public int Held;

    /// <summary>
    /// Reads <paramref name="id"/> as a prefix and a counter: the decimal digits at its end (1 to <see cref="MaxDigits"/>,
    /// without a leading zero, so that no two ids read as the same counter) after a prefix that does not end in a digit.
    /// </summary>
    public static bool TryRead(string id, out int prefixLength, out long counter)
    {
        var start = id.Length;
        while (start > 0 && char.IsAsciiDigit(id[start - 1]) && id.Length - start < MaxDigits + 1) start--;
        var digits = id.Length - start;
        counter = 0;
        prefixLength = start;
        if (digits == 0 || digits > MaxDigits || (digits > 1 && id[start] == '0')) return false;
        for (var i = start; i < id.Length; i++) counter = counter * 10 + (id[i] - '0');
        return true;
    }

    /// <summary>Whether <paramref name="id"/>, read with <see cref="TryRead"/>, has this map's prefix.</summary>
    public readonly bool HasPrefix(string id, int prefixLength) =>
        Prefix is not null && prefixLength == Prefix.Length && id.AsSpan(0, prefixLength).SequenceEqual(Prefix);

    /// <summary>Whether the id with <paramref name="counter"/> is held.</summary>
    public readonly bool Contains(long counter) => Tag(counter) != 0;

    /// <summary>
    /// Holds the id with <paramref name="counter"/>, added in <paramref name="generation"/>; false, holding nothing, when the
    /// map would have to grow thinner than a fingerprint per id to reach it.
    /// </summary>
    public bool TryAdd(long counter, long generation)
    {
        if (!Covers(counter) && !TryCover(counter)) return false;
        var at = counter - Base;
        ref var pair = ref Tags[at >> 1];
        var shift = (int)(at & 1) * 4;
        if (((pair >> shift) & 0xF) != 0) return true;
        pair |= (byte)((TagBit | (generation & GenerationMask)) << shift);
        Held++;
        return true;
    }

    /// <summary>
    /// Forgets the ids of generations before <paramref name="oldestKept"/>, reading each nibble against
    /// <paramref name="newest"/>, the newest generation any of them was added under (within seven of them all); returns the
    /// oldest generation still held, or <see cref="long.MaxValue"/> when none is.
    /// </summary>
    public long Forget(long oldestKept, long newest)
    {
        var oldestHeld = long.MaxValue;
        var (first, last, held) = (-1, -1, 0);
        for (var i = 0; i < Tags.Length; i++)
        {
            var pair = Tags[i];
            if (pair == 0) continue;
            for (var shift = 0; shift <= 4; shift += 4)
            {
                var tag = (pair >> shift) & 0xF;
                if (tag == 0) continue;
                var generation = newest - ((newest - (tag & GenerationMask)) & GenerationMask);
                if (generation < oldestKept) pair &= (byte)~(0xF << shift);
                else (held, oldestHeld) = (held + 1, Math.Min(oldestHeld, generation));
            }
            Tags[i] = pair;
            if (pair == 0) continue;
            if (first < 0) first = i;
            last = i;
        }
        Held = held;
        if (held == 0) (Base, Tags) = (0, []);
        else Keep(first, last);
        return oldestHeld;
    }

    private readonly bool Covers(long counter) => Tags is not null && counter >= Base && counter - Base < (long)Tags.Length * 2;

    private readonly int Tag(long counter)
    {
        if (!Covers(counter)) return 0;
        var at = counter - Base;
        return (Tags[at >> 1] >> ((int)(at & 1) * 4)) & 0xF;
    }

    // Grows the map to reach `counter`: downwards to it with a little room for other late ids, upwards by half again
    // what it spans (producers count up), within what the density rule allows.
    private bool TryCover(long counter)
    {
        var end = Base + (long)Tags.Length * 2;
        if (Tags.Length == 0) (Base, end) = (counter & ~1L, counter & ~1L);
        var low = Math.Min(Base, counter & ~1L);
        var high = Math.Max(end, counter + 1);
        var allowed = Math.Max(FreeSpan, SpanPerId * (Held + 1));
        if (high - low > allowed) return false;
        if (counter < Base) low = Math.Max(Math.Max(0, high - allowed), low - 32) & ~1L;
        else high = Math.Min(low + allowed, high + Math.Max(64, (high - low) / 2));
        var tags = new byte[(high - low + 1) >> 1];
        Array.Copy(Tags, 0, tags, (Base - low) >> 1, Tags.Length);
        (Base, Tags) = (low, tags);
        return true;
    }

    // Drops the bytes before `first` and, when what is left fills less than half the map, the room after `last` beyond
    // half again what it spans; otherwise the map keeps its array, as a LIVE at a steady rate drops as much at the front
    // as it adds at the end.
    private void Keep(int first, int last)
    {
        var used = last - first + 1;
        var length = used * 2 < Tags.Length ? Math.Min(Tags.Length, used + used / 2 + 32) : Tags.Length;
        if (length < Tags.Length)
        {
            var tags = new byte[length];
            Array.Copy(Tags, first, tags, 0, used);
            Tags = tags;
        }
        else if (first > 0)
        {
            Array.Copy(Tags, first, Tags, 0, Tags.Length - first);
            Array.Clear(Tags, Tags.Length - first, first);
        }
        Base += (long)first * 2;
    }
}
