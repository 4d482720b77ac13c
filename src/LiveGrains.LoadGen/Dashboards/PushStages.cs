using LiveGrains.LoadGen.Measure;

namespace LiveGrains.LoadGen.Dashboards;

/// <summary>
/// The event-to-dashboard path cut at the two timestamps a pushed message carries: when the LIVE's grain computed a card
/// (<c>updatedAt</c>) and when its agency published the batch holding it (<c>at</c>). Relay is card to publish (the
/// silo's relay and the agency's publish interval); delivery is publish to receipt (the stream, the web host's
/// forwarding, SignalR and the client). Both ends are stamped by this machine's clock.
/// </summary>
internal sealed class PushStages
{
    public LatencyHistogram Relay { get; } = new();

    public LatencyHistogram Delivery { get; } = new();

    /// <summary>Delivery by window of publish time, to tell a steady delay from bursts.</summary>
    public Dictionary<long, LatencyHistogram> DeliveryByWindow { get; } = [];

    public void Record(CardsChangedStamps message, long received)
    {
        var published = message.At.UtcTicks;
        foreach (var card in message.Changed) Relay.Record((published - card.UpdatedAt.UtcTicks) / TimeSpan.TicksPerMicrosecond);
        var micros = (received - published) / TimeSpan.TicksPerMicrosecond;
        Delivery.Record(micros);
        var window = published / DashboardView.Window.Ticks;
        if (!DeliveryByWindow.TryGetValue(window, out var histogram)) DeliveryByWindow[window] = histogram = new LatencyHistogram();
        histogram.Record(micros);
    }

    public void Merge(PushStages other)
    {
        Relay.Merge(other.Relay);
        Delivery.Merge(other.Delivery);
        foreach (var (window, histogram) in other.DeliveryByWindow)
        {
            if (!DeliveryByWindow.TryGetValue(window, out var merged)) DeliveryByWindow[window] = merged = new LatencyHistogram();
            merged.Merge(histogram);
        }
    }

    public DashboardStages Summarise()
    {
        var first = DeliveryByWindow.Count == 0 ? 0 : DeliveryByWindow.Keys.Min();
        return new DashboardStages(Relay.Percentile(50) / 1000.0, Relay.Percentile(99) / 1000.0, Delivery.Percentile(50) / 1000.0,
            Delivery.Percentile(99) / 1000.0, Delivery.Max / 1000.0,
            DeliveryByWindow.OrderBy(w => w.Key)
                .Select(w => new DashboardWindow((w.Key - first) * DashboardView.Window.TotalSeconds, w.Value.Count, w.Value.Percentile(50) / 1000.0,
                    w.Value.Percentile(99) / 1000.0))
                .ToList());
    }
}
