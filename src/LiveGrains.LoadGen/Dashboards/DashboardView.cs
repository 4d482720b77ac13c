using LiveGrains.LoadGen.Measure;

namespace LiveGrains.LoadGen.Dashboards;

/// <summary>What one dashboard connection has seen: a cursor per LIVE into its trail, and the latencies it measured.</summary>
public sealed class DashboardView
{
    private readonly Lock _gate = new();
    private readonly IReadOnlyDictionary<string, LiveTrail> _trails;
    private readonly Dictionary<string, int> _cursors = new(StringComparer.Ordinal);

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

    private Dictionary<long, LatencyHistogram> ByWindow { get; } = [];

    private long Messages { get; set; }

    /// <summary>
    /// Takes in one <c>CardsChanged</c> message received at <paramref name="receivedAt"/>. A card computed at time U
    /// provably holds every batch acknowledged by U (the LIVE's grain applies a batch before it acknowledges it and
    /// computes cards on the same single thread), so each such batch not yet seen gives one sample: receipt minus the
    /// batch's send time. An ended LIVE is covered up to the time the agency published its removal.
    /// </summary>
    public void Observe(CardsChangedStamps message, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        var received = receivedAt.UtcTicks;
        lock (_gate)
        {
            Messages++;
            foreach (var card in message.Changed) Advance(card.LiveId, card.UpdatedAt.UtcTicks, received);
            foreach (var liveId in message.Ended) Advance(liveId, message.At.UtcTicks, received);
        }
    }

    /// <summary>Adds this dashboard's samples to <paramref name="into"/> and <paramref name="byWindow"/>; returns the messages it received.</summary>
    internal long MergeInto(LatencyHistogram into, Dictionary<long, LatencyHistogram> byWindow)
    {
        lock (_gate)
        {
            into.Merge(Latency);
            foreach (var (window, histogram) in ByWindow)
            {
                if (!byWindow.TryGetValue(window, out var merged)) byWindow[window] = merged = new LatencyHistogram();
                merged.Merge(histogram);
            }
            return Messages;
        }
    }

    /// <summary>Entries of <paramref name="liveId"/>'s trail this dashboard has not seen covered yet.</summary>
    internal int PendingFor(string liveId)
    {
        if (!_trails.TryGetValue(liveId, out var trail)) return 0;
        lock (_gate) return trail.Count - _cursors.GetValueOrDefault(liveId);
    }

    private void Advance(string liveId, long coveredUpTo, long received)
    {
        // LIVEs of the untimed warm-up or of an earlier target have no trail: nothing to measure.
        if (!_trails.TryGetValue(liveId, out var trail)) return;
        _cursors[liveId] = trail.Advance(_cursors.GetValueOrDefault(liveId), coveredUpTo, sent =>
        {
            var micros = (received - sent) / TimeSpan.TicksPerMicrosecond;
            Latency.Record(micros);
            var window = sent / Window.Ticks;
            if (!ByWindow.TryGetValue(window, out var histogram)) ByWindow[window] = histogram = new LatencyHistogram();
            histogram.Record(micros);
        });
    }
}
