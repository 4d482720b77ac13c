namespace LiveGrains.Grains.Rollup;

/// <summary>
/// The event ids a LIVE remembers to recognise re-sent events: those of events that happened (occurredAt) within a
/// window before its newest event. Ids are kept in generations, one per half window of occurredAt, and a generation is
/// dropped once it is more than two generations older than the newest, so what a LIVE spends on ids follows its event
/// rate over the window, not how long it has been on air: keeping every id, a LIVE at four events a second grew by about
/// 7 KB a minute for as long as it ran. An event from before the window cannot be told from a retry; the rollup decides
/// what to do with it (<see cref="DedupeCheck.BeforeWindow"/>).
/// </summary>
[GenerateSerializer, Alias("lg.DedupeWindow")]
public sealed class DedupeWindow
{
    /// <summary>The window a LIVE keeps unless configured otherwise.</summary>
    public static readonly TimeSpan DefaultLength = TimeSpan.FromMinutes(10);

    // The newest generation and the two before it: the window covers between two and three generation lengths.
    private const int Kept = 3;

    /// <summary>Length of a generation in seconds: half the window. Fixed once the first id is in, so that slots keep their meaning across restarts.</summary>
    [Id(0)] public long GenerationSeconds = (long)DefaultLength.TotalSeconds / 2;

    /// <summary>The generations, oldest first, at most three.</summary>
    [Id(1)] public List<DedupeGeneration> Generations = [];

    /// <summary>How far before its newest event a LIVE is sure to recognise a re-sent event.</summary>
    public TimeSpan Length => TimeSpan.FromSeconds(GenerationSeconds * 2);

    /// <summary>Ids remembered.</summary>
    public int Count => Generations.Sum(g => g.Ids.Count);

    /// <summary>The earliest occurredAt still inside the window (<see cref="DateTimeOffset.MinValue"/> while empty).</summary>
    public DateTimeOffset Start => Generations.Count == 0
        ? DateTimeOffset.MinValue
        : DateTimeOffset.FromUnixTimeSeconds(OldestKeptSlot * GenerationSeconds);

    private long OldestKeptSlot => Generations[^1].Slot - (Kept - 1);

    /// <summary>Sets the window of a LIVE that has remembered nothing yet; one that has keeps the window its ids were kept by.</summary>
    public void UseLength(TimeSpan length)
    {
        if (length < TimeSpan.FromSeconds(2)) throw new ArgumentOutOfRangeException(nameof(length), length, "The dedupe window must be at least 2 seconds.");
        if (Generations.Count == 0) GenerationSeconds = (long)length.TotalSeconds / 2;
    }

    /// <summary>Whether the id of an event that happened at <paramref name="occurredAt"/> was added before.</summary>
    public DedupeCheck Check(UInt128 fingerprint, DateTimeOffset occurredAt)
    {
        if (Generations.Count == 0) return DedupeCheck.New;
        if (SlotOf(occurredAt) < OldestKeptSlot) return DedupeCheck.BeforeWindow;
        // Every generation, not only the event's own: an id is one event whatever occurredAt a retry carries.
        foreach (var generation in Generations)
        {
            if (generation.Ids.Contains(fingerprint)) return DedupeCheck.Seen;
        }
        return DedupeCheck.New;
    }

    /// <summary>
    /// Remembers the id of an event that happened at <paramref name="occurredAt"/> (nothing when that is before the
    /// window), and forgets the generations a newer event pushes out of it.
    /// </summary>
    public void Add(UInt128 fingerprint, DateTimeOffset occurredAt)
    {
        var slot = SlotOf(occurredAt);
        if (Generations.Count > 0 && slot < OldestKeptSlot) return;
        GenerationOf(slot).Ids.Add(fingerprint);
    }

    /// <summary>
    /// Takes in the ids of a checkpoint written when a LIVE kept every id in one set (the window is still empty then):
    /// they become the generation of the LIVE's newest known instant, so retries of those events are still recognised
    /// until newer events push that generation out.
    /// </summary>
    public void AdoptAll(FingerprintSet ids, DateTimeOffset newest)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (Generations.Count > 0) throw new InvalidOperationException("Ids of an earlier checkpoint are adopted before any other.");
        GenerationOf(SlotOf(newest)).Ids = ids;
    }

    /// <summary>The generation of <paramref name="slot"/>, added when missing; generations it pushes out of the window are dropped.</summary>
    private DedupeGeneration GenerationOf(long slot)
    {
        var at = 0;
        while (at < Generations.Count && Generations[at].Slot < slot) at++;
        if (at == Generations.Count || Generations[at].Slot != slot) Generations.Insert(at, new DedupeGeneration { Slot = slot });
        var generation = Generations[at];
        var oldest = OldestKeptSlot;
        while (Generations[0].Slot < oldest) Generations.RemoveAt(0);
        return generation;
    }

    private long SlotOf(DateTimeOffset at)
    {
        var seconds = at.ToUnixTimeSeconds();
        // Floor, not truncation, for instants before 1970.
        return seconds >= 0 ? seconds / GenerationSeconds : (seconds + 1) / GenerationSeconds - 1;
    }
}
