using LiveGrains.LoadGen.Measure;

namespace LiveGrains.LoadGen.Dashboards;

/// <summary>What one dashboard connection has seen: a cursor per LIVE into its trail, and the latencies it measured.</summary>
public sealed class DashboardView
{
    private readonly Lock _gate = new();
    private readonly IReadOnlyDictionary<string, LiveTrail> _trails;
    private readonly Dictionary<string, int> _cursors = new(StringComparer.Ordinal);
    // The last cards received per LIVE: an acknowledgement may arrive after the card that shows its batch.
    private readonly Dictionary<string, Queue<Shown>> _seen = new(StringComparer.Ordinal);
    private const int KeptPerLive = 8;

    internal DashboardView(string agencyId, IReadOnlyDictionary<string, LiveTrail> trails)
    {
        AgencyId = agencyId;
        _trails = trails;
    }

    /// <summary>Agency watched.</summary>
    public string AgencyId { get; }

    /// <summary>Width of the windows latency is also kept by, so a start-up storm and the steady state can be told apart.</summary>
    internal static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    private LatencyHistogram Latency { get; } = new();

    // Batches of the on-air phase: the start-up storm, kept apart from the measured phase.
    private LatencyHistogram OnAirLatency { get; } = new();

    private Dictionary<long, LatencyHistogram> ByWindow { get; } = [];

    private long Messages { get; set; }

    private PushStages Stages { get; } = new();

    /// <summary>
    /// Takes in one <c>CardsChanged</c> message received at <paramref name="receivedAt"/>. Each batch a message shows,
    /// not yet seen by this dashboard, gives one sample: receipt minus the batch's send time. A card with sequence S shows
    /// every batch its LIVE acknowledged at a sequence up to S, exactly, since a LIVE numbers events in the order it
    /// applies them; the card may arrive before the acknowledgement does, so the last few cards of each LIVE are kept and
    /// matched when the acknowledgement comes. Without sequences (HTTP acknowledgements carry none), a card computed at
    /// time U shows every batch acknowledged by U (a LIVE applies a batch before acknowledging it and computes cards on
    /// the same single thread): an upper bound, since a card computed between the apply and the acknowledgement's arrival
    /// is not credited. An ended LIVE shows every batch sent before its removal reached the dashboard: nothing later of it
    /// is shown, and the acknowledgement of the batch that ended it may arrive after the removal, since it waits for every
    /// LIVE of its request (judged by acknowledgement time, such a batch stayed pending for good).
    /// </summary>
    public void Observe(CardsChangedStamps message, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        var received = receivedAt.UtcTicks;
        lock (_gate)
        {
            Messages++;
            Stages.Record(message, received);
            foreach (var card in message.Changed) See(card.LiveId, new Shown(card.Sequence, card.UpdatedAt.UtcTicks, received, Ended: false));
            foreach (var liveId in message.Ended) See(liveId, new Shown(long.MaxValue, message.At.UtcTicks, received, Ended: true));
        }
    }

    /// <summary>
    /// Adds this dashboard's samples to <paramref name="into"/>, <paramref name="byWindow"/>, <paramref name="stages"/>
    /// and, for the on-air phase, <paramref name="onAir"/>; returns the messages it received.
    /// </summary>
    internal long MergeInto(LatencyHistogram into, Dictionary<long, LatencyHistogram> byWindow, PushStages stages, LatencyHistogram onAir)
    {
        lock (_gate)
        {
            into.Merge(Latency);
            onAir.Merge(OnAirLatency);
            stages.Merge(Stages);
            foreach (var (window, histogram) in ByWindow)
            {
                if (!byWindow.TryGetValue(window, out var merged)) byWindow[window] = merged = new LatencyHistogram();
                merged.Merge(histogram);
            }
            return Messages;
        }
    }

    /// <summary>Entries of <paramref name="liveId"/>'s trail this dashboard has not seen shown yet.</summary>
    internal int PendingFor(string liveId)
    {
        if (!_trails.TryGetValue(liveId, out var trail)) return 0;
        lock (_gate)
        {
            // Acknowledgements that arrived after the card showing them are matched here.
            Advance(liveId, trail);
            return trail.Count - _cursors.GetValueOrDefault(liveId);
        }
    }

    private void See(string liveId, Shown shown)
    {
        // LIVEs of the untimed warm-up or of an earlier target have no trail: nothing to measure.
        if (!_trails.TryGetValue(liveId, out var trail)) return;
        if (!_seen.TryGetValue(liveId, out var seen)) _seen[liveId] = seen = new Queue<Shown>(KeptPerLive);
        if (seen.Count == KeptPerLive) seen.Dequeue();
        seen.Enqueue(shown);
        Advance(liveId, trail);
    }

    private void Advance(string liveId, LiveTrail trail)
    {
        if (!_seen.TryGetValue(liveId, out var seen)) return;
        _cursors[liveId] = trail.Advance(_cursors.GetValueOrDefault(liveId), entry => FirstShowing(seen, entry), (entry, received) =>
        {
            var micros = (received - entry.SentTicks) / TimeSpan.TicksPerMicrosecond;
            if (!entry.Measured)
            {
                OnAirLatency.Record(micros);
                return;
            }
            Latency.Record(micros);
            var window = entry.SentTicks / Window.Ticks;
            if (!ByWindow.TryGetValue(window, out var histogram)) ByWindow[window] = histogram = new LatencyHistogram();
            histogram.Record(micros);
        });
    }

    private static long? FirstShowing(Queue<Shown> seen, TrailEntry entry)
    {
        foreach (var shown in seen)
        {
            var shows = shown.Ended ? entry.SentTicks <= shown.ReceivedTicks
                : entry.Sequence is not { } sequence ? entry.AckedTicks <= shown.ComputedTicks
                : sequence <= shown.Sequence;
            if (shows) return shown.ReceivedTicks;
        }
        return null;
    }

    /// <summary>A card (or an end) this dashboard received for one LIVE.</summary>
    private readonly record struct Shown(long Sequence, long ComputedTicks, long ReceivedTicks, bool Ended);
}
