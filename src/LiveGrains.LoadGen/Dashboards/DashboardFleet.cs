using LiveGrains.LoadGen.Auth;
using LiveGrains.LoadGen.Measure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace LiveGrains.LoadGen.Dashboards;

/// <summary>
/// K real SignalR .NET clients on the host's <c>/hubs/live</c>, each with an agency token of its own agency, spread
/// round-robin over the workload's agencies, each subscribed with <c>SubscribeAgency</c> as the Ongoing LIVEs page does.
/// </summary>
public sealed class DashboardFleet : IAsyncDisposable
{
    // Connecting a thousand sockets one by one takes long; all at once floods a 2-core host's accept loop.
    private const int ConnectParallelism = 16;

    private readonly List<HubConnection> _connections = [];
    private readonly List<DashboardView> _views = [];

    private DashboardFleet(int requested) => Requested = requested;

    /// <summary>Dashboards asked for.</summary>
    public int Requested { get; }

    /// <summary>Dashboards connected and subscribed.</summary>
    public int Connected
    {
        get { lock (_views) return _views.Count; }
    }

    /// <summary>Connects <paramref name="count"/> dashboards; failures are counted and reported, not fatal.</summary>
    public static async Task<DashboardFleet> ConnectAsync(Uri baseAddress, TokenMinter minter, IReadOnlyList<string> agencyIds, int count,
        PushLatencyTracker tracker, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(minter);
        ArgumentNullException.ThrowIfNull(agencyIds);
        ArgumentNullException.ThrowIfNull(tracker);
        ArgumentNullException.ThrowIfNull(output);
        var fleet = new DashboardFleet(count);
        if (count == 0 || agencyIds.Count == 0) return fleet;
        var tokens = agencyIds.Distinct(StringComparer.Ordinal).ToDictionary(a => a, a => minter.ForAgency(a), StringComparer.Ordinal);
        var hub = new Uri(baseAddress, "/hubs/live");
        var failures = 0;
        Exception? firstFailure = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Bounded: a host that cannot take the dashboards must not hang the run.
        timeout.CancelAfter(TimeSpan.FromSeconds(60 + count / 20));
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism, CancellationToken = timeout.Token },
            async (i, ct) =>
            {
                var agencyId = agencyIds[i % agencyIds.Count];
                var connection = new HubConnectionBuilder()
                    .WithUrl(hub, o =>
                    {
                        o.AccessTokenProvider = () => Task.FromResult<string?>(tokens[agencyId]);
                        // WebSockets straight away, as browsers end up using: one request per dashboard, not two.
                        o.Transports = HttpTransportType.WebSockets;
                        o.SkipNegotiation = true;
                    })
                    .Build();
                var view = tracker.NewView(agencyId);
                connection.On<CardsChangedStamps>("CardsChanged", message => view.Observe(message, DateTimeOffset.UtcNow));
                lock (fleet._connections) fleet._connections.Add(connection);
                try
                {
                    await connection.StartAsync(ct);
                    await connection.InvokeAsync<SubscribeAck>("SubscribeAgency", agencyId, ct);
                    lock (fleet._views) fleet._views.Add(view);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    Interlocked.Increment(ref failures);
                    Interlocked.CompareExchange(ref firstFailure, ex, null);
                }
            });
        output.WriteLine($"dashboards: {fleet.Connected:N0} of {count:N0} connected to {hub} over {tokens.Count} agencies" +
            (failures > 0 ? $"; {failures} failed, first: {firstFailure!.GetType().Name}: {firstFailure.Message}" : ""));
        return fleet;
    }

    /// <summary>The latency every connected dashboard measured, merged; <paramref name="pending"/> from the tracker.</summary>
    public DashboardLatency Summarise(long pending, TimeSpan tick)
    {
        var merged = new LatencyHistogram();
        var byWindow = new Dictionary<long, LatencyHistogram>();
        var stages = new PushStages();
        var onAir = new LatencyHistogram();
        long messages = 0;
        lock (_views)
        {
            foreach (var view in _views) messages += view.MergeInto(merged, byWindow, stages, onAir);
        }
        var first = byWindow.Count == 0 ? 0 : byWindow.Keys.Min();
        var windows = byWindow.OrderBy(w => w.Key)
            .Select(w => new DashboardWindow((w.Key - first) * DashboardView.Window.TotalSeconds, w.Value.Count,
                w.Value.Percentile(50) / 1000.0, w.Value.Percentile(99) / 1000.0))
            .ToList();
        return new DashboardLatency(Requested, Connected, messages, merged.Count, pending,
            merged.Percentile(50) / 1000.0, merged.Percentile(99) / 1000.0, merged.Max / 1000.0, (tick + TimeSpan.FromMilliseconds(250)).TotalMilliseconds,
            windows, stages.Summarise(),
            onAir.Count == 0 ? null : new PhaseLatency(onAir.Count, onAir.Percentile(50) / 1000.0, onAir.Percentile(99) / 1000.0, onAir.Max / 1000.0));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        List<HubConnection> connections;
        lock (_connections) connections = [.. _connections];
        await Parallel.ForEachAsync(connections, new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism }, async (c, _) => await c.DisposeAsync());
    }
}
