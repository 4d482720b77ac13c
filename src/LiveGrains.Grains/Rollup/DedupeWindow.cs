using System.Buffers;

namespace LiveGrains.Grains.Rollup;

/// <summary>
/// The event ids a LIVE remembers to recognise re-sent events: those of events that happened (occurredAt) within a
/// window before its newest event. Ids belong to generations, one per quarter window of occurredAt, and a generation is
/// forgotten once it is more than four generations older than the newest, so what a LIVE spends on ids follows its event
/// rate over the window, not how long it has been on air: keeping every id, a LIVE at four events a second grew by about
/// 7 KB a minute for as long as it ran. An event from before the window cannot be told from a retry; the rollup decides
/// what to do with it (<see cref="DedupeCheck.BeforeWindow"/>).
/// <para>
/// All generations share one open-addressing table of 64-bit entries: an id's fingerprint in the high 60 bits and its
/// generation in the low 4. A new id is one probe run in one array, where a table per generation took a probe run per
/// generation, each behind its own chain of objects: at ten thousand LIVEs nearly every one of those reads missed the
/// processor's caches. The table is rebuilt without a generation when that generation leaves the window (in place when it
/// is about the right size), sized for the ids it will hold until the next one does, and its length need not be a power
/// of two (positions come from a multiply-shift), so past 512 entries it grows by half, not double. With n ids in it, a
/// new id is taken for one of them with a probability of about n/2⁶⁰, 10⁻¹⁴ for ten thousand ids.
/// </para>
/// <para>
/// Ids that number a LIVE's events (one prefix and a counter) go to an <see cref="EventSequenceMap"/> instead, half a
/// byte each and exact: after an hour on air at four events a second the ids took about 38 KiB a LIVE as fingerprints.
/// An id goes to the same place every time it comes (its spelling decides), except a counter the map could not reach
/// when it came, which is a fingerprint; so a counter that the map does not hold is looked for among the fingerprints
/// whenever there are any.
/// </para>
/// </summary>
[GenerateSerializer, Alias("lg.DedupeWindow")]
public sealed class DedupeWindow
{
    /// <summary>The window a LIVE keeps unless configured otherwise.</summary>
    public static readonly TimeSpan DefaultLength = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Generations in the length of a window started now: the window keeps the newest generation and four before it, so
    /// it covers from one to one and a quarter of its length (with halves, as checkpoints before kept them, up to one and
    /// a half: a fifth more ids on average).
    /// </summary>
    public const int GenerationsPerWindow = 4;

    private const int MinLength = 8;
    private const ulong TagMask = 0xF;

    /// <summary>
    /// Length of a generation in seconds. Fixed, with <see cref="PerWindow"/>, once the first id is in, so that generations
    /// keep their meaning across restarts; until then half the default window, as checkpoints written before
    /// <see cref="PerWindow"/> existed have it.
    /// </summary>
    [Id(0)] public long GenerationSeconds = (long)DefaultLength.TotalSeconds / 2;

    /// <summary>Generations in the window's length: 0 for two, as checkpoints written before this field kept them.</summary>
    [Id(7)] public int PerWindow;

    /// <summary>Ids of a checkpoint written when each generation had a table of its own; moved into <see cref="Table"/> on first use.</summary>
    [Id(1)] public List<DedupeGeneration>? Generations;

    // Public for the serializer only: the table (0 marks an empty entry), the ids in it, whether any id was ever added,
    // the newest generation and the oldest one that still has ids (generations are whole generation lengths since the
    // Unix epoch).
    [Id(2)] public ulong[] Table = [];
    [Id(3)] public int Held;
    [Id(4)] public bool Started;
    [Id(5)] public long NewestGeneration;
    [Id(6)] public long OldestHeldGeneration;

    /// <summary>Ids made of one prefix and a counter, kept as a nibble each instead of a fingerprint; not started until the first.</summary>
    [Id(8)] public EventSequenceMap Sequences;

    // Where the last id that Check did not find belongs, until the table next changes: a LIVE checks an event id, applies
    // the event, then adds the id, and the add skips probing the same run again. Zero while nothing is noted (no entry's
    // id part is zero), which is also what a copy made by the serializer starts with.
    [NonSerialized] private ulong _missed;
    [NonSerialized] private int _missedAt;

    // The id read last (see Note): its counter, the length of its prefix, and its fingerprint's key once computed.
    [NonSerialized] private string? _noted;
    [NonSerialized] private long _notedCounter;
    [NonSerialized] private int _notedPrefix;
    [NonSerialized] private ulong _notedKey;

    // The generation GenerationOf found last, where it starts (seconds since the Unix epoch) and for which length.
    [NonSerialized] private long _generationFor;
    [NonSerialized] private long _generationStart;
    [NonSerialized] private long _generation;

    /// <summary>How far before its newest event a LIVE is sure to recognise a re-sent event.</summary>
    public TimeSpan Length => TimeSpan.FromSeconds(GenerationSeconds * WindowGenerations);

    /// <summary>Ids remembered.</summary>
    public int Count
    {
        get
        {
            AdoptGenerations();
            return Held + Sequences.Held;
        }
    }

    /// <summary>The earliest occurredAt still inside the window (<see cref="DateTimeOffset.MinValue"/> while empty).</summary>
    public DateTimeOffset Start
    {
        get
        {
            AdoptGenerations();
            return Started ? DateTimeOffset.FromUnixTimeSeconds(OldestKept * GenerationSeconds) : DateTimeOffset.MinValue;
        }
    }

    private long OldestKept => NewestGeneration - WindowGenerations;

    // Generations in the window's length, whichever layout it has.
    private int WindowGenerations => PerWindow == 0 ? 2 : PerWindow;

    /// <summary>The generation length of a window of <paramref name="length"/> started now: never less than a quarter of it.</summary>
    public static TimeSpan GenerationLength(TimeSpan length) => TimeSpan.FromSeconds(Math.Ceiling(length.TotalSeconds / GenerationsPerWindow));

    /// <summary>Sets the window of a LIVE that has remembered nothing yet; one that has keeps the window its ids were kept by.</summary>
    public void UseLength(TimeSpan length)
    {
        if (length < TimeSpan.FromSeconds(2)) throw new ArgumentOutOfRangeException(nameof(length), length, "The dedupe window must be at least 2 seconds.");
        AdoptGenerations();
        if (!Started) (PerWindow, GenerationSeconds) = (GenerationsPerWindow, (long)GenerationLength(length).TotalSeconds);
    }

    /// <summary>Whether the id of an event that happened at <paramref name="occurredAt"/> was added before.</summary>
    public DedupeCheck Check(string id, DateTimeOffset occurredAt)
    {
        Prepare();
        if (!Started) return DedupeCheck.New;
        if (GenerationOf(occurredAt) < OldestKept) return DedupeCheck.BeforeWindow;
        // Whatever generation an id was added in: an id is one event whatever occurredAt a retry carries.
        var counter = Note(id);
        if (counter >= 0)
        {
            if (Sequences.Contains(counter)) return DedupeCheck.Seen;
            // A counter the map could not reach when its id came is among the fingerprints.
            if (Held == 0) return DedupeCheck.New;
        }
        var key = NotedKey();
        var at = Find(Table, key);
        if (at >= 0) return DedupeCheck.Seen;
        (_missed, _missedAt) = (key, ~at);
        return DedupeCheck.New;
    }

    /// <summary>
    /// Remembers the id of an event that happened at <paramref name="occurredAt"/> (nothing when that is before the
    /// window, or when the id is already remembered), and forgets the generations a newer event pushes out of the window.
    /// </summary>
    public void Add(string id, DateTimeOffset occurredAt)
    {
        Prepare();
        var counter = Note(id);
        var generation = GenerationOf(occurredAt);
        if (Advance(generation) && (counter < 0 || !TryAddCounter(id, counter, generation))) Insert(NotedKey(), generation);
        _noted = null;
    }

    /// <summary>
    /// Takes in the ids of a checkpoint written when a LIVE kept every id in one set (the window is still empty then):
    /// they belong to the generation of the LIVE's newest known instant, so retries of those events are still recognised
    /// until newer events push that generation out.
    /// </summary>
    public void AdoptAll(FingerprintSet ids, DateTimeOffset newest)
    {
        ArgumentNullException.ThrowIfNull(ids);
        Prepare();
        if (Started) throw new InvalidOperationException("Ids of an earlier checkpoint are adopted before any other.");
        var generation = GenerationOf(newest);
        Advance(generation);
        foreach (var half in ids.LowHalves()) Insert(KeyOf(half), generation);
    }

    // Moves the window to a newer generation, forgetting those that leave it; false for a generation already before it.
    private bool Advance(long generation)
    {
        if (!Started)
        {
            (Started, NewestGeneration, OldestHeldGeneration) = (true, generation, generation);
        }
        else if (generation > NewestGeneration)
        {
            var previous = NewestGeneration;
            NewestGeneration = generation;
            if (OldestHeldGeneration < OldestKept) Rebuild(previous);
        }
        else if (generation < OldestKept)
        {
            return false;
        }
        return true;
    }

    // Holds a counter read from the id in the map (started with its prefix by the first such id); false when the map
    // refuses it, and the id goes among the fingerprints.
    private bool TryAddCounter(string id, long counter, long generation)
    {
        if (Sequences.Prefix is null) Sequences = new EventSequenceMap(id[.._notedPrefix]);
        if (Held > 0 && _missed != NotedKey() && Find(Table, NotedKey()) >= 0) return true;
        if (!Sequences.TryAdd(counter, generation)) return false;
        OldestHeldGeneration = Math.Min(OldestHeldGeneration, generation);
        return true;
    }

    private void Insert(ulong key, long generation)
    {
        int at;
        if (key == _missed)
        {
            at = _missedAt;
        }
        else
        {
            at = Find(Table, key);
            if (at >= 0) return;
            at = ~at;
        }
        _missed = 0;
        if ((long)(Held + 1) * 8 > (long)Table.Length * 7)
        {
            Resize(GrownLength(Table.Length));
            at = ~Find(Table, key);
        }
        Table[at] = key | ((ulong)generation & TagMask);
        Held++;
        OldestHeldGeneration = Math.Min(OldestHeldGeneration, generation);
    }

    // Reads an id once for a Check and the Add after it: its counter when it belongs in the map (it has the map's prefix,
    // or it would start the map), else -1; its fingerprint's key only when asked for.
    private long Note(string id)
    {
        if (ReferenceEquals(id, _noted)) return _notedCounter;
        (_noted, _notedKey) = (id, 0);
        _notedCounter = EventSequenceMap.TryRead(id, out _notedPrefix, out var counter) && (Sequences.Prefix is null || Sequences.HasPrefix(id, _notedPrefix))
            ? counter : -1;
        return _notedCounter;
    }

    private ulong NotedKey()
    {
        if (_notedKey == 0) _notedKey = KeyOf(FingerprintSet.Fingerprint(_noted!));
        return _notedKey;
    }

    // Drops the ids of generations that left the window. What stays is the ids of a window's length of generations; the
    // table is sized to take one generation's more at seven eighths full, with a tenth to spare: at a steady rate that
    // lasts until the next rebuild. When the table it has is about that size (from a twentieth smaller to an eighth
    // larger), it is cleared and refilled instead of replaced: at a steady rate a LIVE on air for hours keeps one table,
    // where a new one each generation was the largest state the collector had to move for it.
    // `previous` is the newest generation the entries were added under: their tags are read against it, since a newest
    // generation many generations ahead would read an old tag as a recent generation.
    private void Rebuild(long previous)
    {
        var oldest = OldestKept;
        var kept = ArrayPool<ulong>.Shared.Rent(Math.Max(Held, 1));
        var count = 0;
        var oldestHeld = NewestGeneration;
        foreach (var entry in Table)
        {
            if (entry == 0) continue;
            var generation = GenerationOfEntry(entry, previous);
            if (generation < oldest) continue;
            kept[count++] = entry;
            oldestHeld = Math.Min(oldestHeld, generation);
        }
        if (Sequences.Prefix is not null) oldestHeld = Math.Min(oldestHeld, Sequences.Forget(oldest, previous));
        var length = count == 0 ? 0 : Math.Max(MinLength, (int)Math.Min(Array.MaxLength, (long)count * (WindowGenerations + 1) * 11 / (WindowGenerations * 10) * 8 / 7 + 1));
        if (Table.Length >= length - length / 20 && Table.Length <= length + length / 8 && length > 0) Array.Clear(Table);
        else Table = length == 0 ? [] : new ulong[length];
        for (var i = 0; i < count; i++) Table[~Find(Table, kept[i])] = kept[i];
        ArrayPool<ulong>.Shared.Return(kept);
        (Held, OldestHeldGeneration, _missed) = (count, oldestHeld, 0);
    }

    // Doubles while small, where growing often would cost more time than the memory it saves; by half after that.
    private static int GrownLength(int length) =>
        length < 512 ? Math.Max(MinLength, length * 2) : (int)Math.Min(Array.MaxLength, length + (long)length / 2);

    private void Resize(int length)
    {
        var old = Table;
        Table = new ulong[length];
        foreach (var entry in old)
        {
            if (entry != 0) Table[~Find(Table, entry)] = entry;
        }
    }

    // The generation an entry was added in: of the window's generations up to `newest`, the one whose low four bits its tag
    // holds (a window holds at most five).
    private static long GenerationOfEntry(ulong entry, long newest) => newest - ((newest - (long)(entry & TagMask)) & (long)TagMask);

    /// <summary>The entry holding <paramref name="key"/>'s id, or the complement of the empty entry where it belongs; ~0 for an empty table.</summary>
    private static int Find(ulong[] table, ulong key)
    {
        if (table.Length == 0) return ~0;
        var id = key & ~TagMask;
        // The id's high 32 bits scaled to the table's length: any length, not only powers of two.
        var at = (int)(((key >> 32) * (ulong)table.Length) >> 32);
        while (true)
        {
            var entry = table[at];
            if (entry == 0) return ~at;
            if ((entry & ~TagMask) == id) return at;
            if (++at == table.Length) at = 0;
        }
    }

    // The low 64 bits of the fingerprint, as a half-width FingerprintSet keeps them, with the tag bits cleared; an id part
    // of zero would read as an empty entry and is moved to the smallest other (a collision as unlikely as any other).
    private static ulong KeyOf(UInt128 fingerprint) => KeyOf((ulong)fingerprint);

    private static ulong KeyOf(ulong half) => (half & ~TagMask) is var id && id != 0 ? id : TagMask + 1;

    // A window that no id started yet and that no length was given to takes today's layout for the default length.
    private void Prepare()
    {
        AdoptGenerations();
        if (!Started && PerWindow == 0) (PerWindow, GenerationSeconds) = (GenerationsPerWindow, (long)GenerationLength(Length).TotalSeconds);
    }

    private void AdoptGenerations()
    {
        if (Generations is null) return;
        var generations = Generations;
        Generations = null;
        foreach (var generation in generations)
        {
            if (!Advance(generation.Slot)) continue;
            foreach (var half in generation.Ids.LowHalves()) Insert(KeyOf(half), generation.Slot);
        }
    }

    private long GenerationOf(DateTimeOffset at)
    {
        var seconds = at.ToUnixTimeSeconds();
        // Most events of a LIVE fall in the generation of the one before, and each is asked for twice (check, then add):
        // the division, by a length only known at run time, is made once per generation instead.
        if (_generationFor == GenerationSeconds && (ulong)(seconds - _generationStart) < (ulong)GenerationSeconds) return _generation;
        // Floor, not truncation, for instants before 1970.
        var generation = seconds >= 0 ? seconds / GenerationSeconds : (seconds + 1) / GenerationSeconds - 1;
        (_generationFor, _generationStart, _generation) = (GenerationSeconds, generation * GenerationSeconds, generation);
        return generation;
    }
}
