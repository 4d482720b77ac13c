using System.Diagnostics.Metrics;

namespace LiveGrains.Web.Observability;

/// <summary>LiveGrains' own instruments, exported with ASP.NET Core's and Orleans' on <c>/metrics</c>.</summary>
public sealed class LiveMetrics
{
    /// <summary>Meter name.</summary>
    public const string MeterName = "LiveGrains.Web";

    private readonly Counter<long> _ingested;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _unavailable;
    private readonly Histogram<double> _ackLatency;
    private readonly Histogram<double> _pushLatency;
    private readonly UpDownCounter<long> _dashboards;

    /// <summary>Creates the instruments on the host's meter factory.</summary>
    public LiveMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _ingested = meter.CreateCounter<long>("livegrains.events.ingested", "{event}", "Events accepted by ingest");
        _rejected = meter.CreateCounter<long>("livegrains.events.rejected", "{event}", "Events refused by ingest, with a reason");
        _duplicates = meter.CreateCounter<long>("livegrains.events.duplicates", "{event}", "Events recognised as already accepted");
        _unavailable = meter.CreateCounter<long>("livegrains.events.unavailable", "{event}", "Events answered with a retryable 503 (not acknowledged)");
        _ackLatency = meter.CreateHistogram<double>("livegrains.ingest.ack_latency", "ms", "Time from receiving an ingest request to acknowledging it");
        _pushLatency = meter.CreateHistogram<double>("livegrains.dashboard.push_latency", "ms", "Time from a grain publishing a batch to it being sent to dashboards");
        _dashboards = meter.CreateUpDownCounter<long>("livegrains.dashboards.connected", "{connection}", "Dashboards connected to the live feed");
    }

    /// <summary>Records one ingest request's outcome and ack latency.</summary>
    public void Ingested(int accepted, int duplicates, int rejected, TimeSpan latency)
    {
        _ingested.Add(accepted);
        _duplicates.Add(duplicates);
        _rejected.Add(rejected);
        _ackLatency.Record(latency.TotalMilliseconds);
    }

    /// <summary>Records the delay between a batch's publication and its forwarding.</summary>
    public void Pushed(DateTimeOffset publishedAt) => _pushLatency.Record(Math.Max(0, (DateTimeOffset.UtcNow - publishedAt).TotalMilliseconds));

    /// <summary>Counts events answered with a retryable error.</summary>
    public void Unavailable(int events) => _unavailable.Add(events);

    /// <summary>A dashboard connected (+1) or left (-1).</summary>
    public void DashboardConnections(int delta) => _dashboards.Add(delta);
}
