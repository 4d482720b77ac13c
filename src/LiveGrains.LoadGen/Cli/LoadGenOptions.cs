namespace LiveGrains.LoadGen.Cli;

/// <summary>Everything a load run is told on the command line; defaults are the scenario (10,000 LIVEs).</summary>
public sealed record LoadGenOptions
{
    /// <summary>Targets run one after the other on the same events: inproc, limit, client, http, redis.</summary>
    public IReadOnlyList<string> Targets { get; init; } = ["limit", "inproc"];

    /// <summary>Concurrent LIVEs on air.</summary>
    public int Lives { get; init; } = 10_000;

    /// <summary>Agencies the creators are spread over.</summary>
    public int Agencies { get; init; } = 100;

    /// <summary>Seed of the world; the same seed gives the same events.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Multiplier on every per-LIVE event rate of the simulator.</summary>
    public double RateScale { get; init; } = 1.0;

    /// <summary>Simulated seconds per simulator step: a producer that batches per LIVE over this window.</summary>
    public double SimStepSeconds { get; init; } = 1.0;

    /// <summary>Events generated (the workload); generation stops at the first step that reaches it.</summary>
    public long Events { get; init; } = 1_000_000;

    /// <summary>Wall-clock cap per target in seconds (0: send the whole workload).</summary>
    public double DurationSeconds { get; init; }

    /// <summary>Events per request (mixed LIVEs; the grain targets split them by LIVE like the HTTP API does).</summary>
    public int Batch { get; init; } = 1_000;

    /// <summary>Requests in flight.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Target rate in events per second (0: as fast as acknowledgements come back).</summary>
    public double Rate { get; init; }

    /// <summary>Share of events sent a second time with the same event id, to exercise dedupe.</summary>
    public double Duplicates { get; init; } = 0.005;

    /// <summary>Attempts per request before the run fails.</summary>
    public int MaxAttempts { get; init; } = 20;

    /// <summary>Silo port of the in-process silo (not the web host's default, so both can run side by side).</summary>
    public int SiloPort { get; init; } = 22111;

    /// <summary>Gateway port of the in-process silo.</summary>
    public int SiloGatewayPort { get; init; } = 32000;

    /// <summary>Gateway port of a running host, for the client target.</summary>
    public int Gateway { get; init; } = 30000;

    /// <summary>ClusterId of that host's silos: a gateway refuses a client of another cluster ("dev" is embedded mode's).</summary>
    public string ClusterId { get; init; } = "dev";

    /// <summary>ServiceId of that host's silos; their ClusterId unless given.</summary>
    public string? ServiceId { get; init; }

    /// <summary>Base address of a running web host, for the http target.</summary>
    public Uri Url { get; init; } = new("http://127.0.0.1:5080");

    /// <summary>Bearer token for the http target, when the host requires one.</summary>
    public string? Token { get; init; }

    /// <summary>
    /// The host's HMAC signing key (<c>LiveGrains:Auth:SigningKey</c>): with it the load generator mints its own
    /// short-lived service token for the http target and agency tokens for the dashboards. <see cref="Token"/> wins for ingest.
    /// </summary>
    public string? SigningKey { get; init; }

    /// <summary>Issuer and audience of minted tokens (<c>LiveGrains:Auth:Issuer</c>).</summary>
    public string Issuer { get; init; } = "livegrains";

    /// <summary>
    /// SignalR dashboards watching agencies while the client or http target runs (needs <see cref="SigningKey"/>);
    /// they measure event-to-dashboard latency. 0 turns them off.
    /// </summary>
    public int Dashboards { get; init; } = 1_000;

    /// <summary>Process id of the web host, so its CPU time is reported beside the load generator's (0: not measured).</summary>
    public int HostProcessId { get; init; }

    /// <summary>Redis endpoint for the redis baseline.</summary>
    public string Redis { get; init; } = "127.0.0.1:6379";

    /// <summary>Where to write the results as JSON (null: nowhere).</summary>
    public string? JsonPath { get; init; }

    /// <summary>
    /// Whether every LIVE goes on air before the measured phase: the first simulated step (every LIVE's start) is sent
    /// unmeasured and, with dashboards, the run waits until they show every LIVE; the time that takes is reported on its
    /// own. Measures the system at N concurrent LIVEs rather than while N LIVEs start in one instant.
    /// </summary>
    public bool OnAirFirst { get; init; }

    /// <summary>
    /// Wall seconds each target's warm-up lasts at least: time-driven paths (ticks, heartbeats, periodic checkpoints,
    /// deactivations) are compiled only once they have run.
    /// </summary>
    public double WarmUpSeconds { get; init; } = 12;

    /// <summary>
    /// Rounds of every target, alternating the order (as given, then reversed, and so on), each round with LIVEs of its
    /// own: on a shared machine one run's ratio to a baseline moves with whatever else runs, so ratios are reported per
    /// round and as their median.
    /// </summary>
    public int Rounds { get; init; } = 1;

    /// <summary>Most runs a workload has LIVE ids for (<see cref="Workloads.Workload.ForRun"/>).</summary>
    public const int MaxRuns = 10;

    /// <summary>Whether a progress line is printed every second.</summary>
    public bool Progress { get; init; } = true;

    /// <summary>
    /// Whether each target's measured phase lists the types this process allocated most (<see cref="Measure.AllocationSample"/>);
    /// with an in-process silo, the silo's allocations are in it. Off by default: sampling costs CPU.
    /// </summary>
    public bool AllocationSample { get; init; }
}
