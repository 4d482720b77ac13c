using System.Diagnostics;
using LiveGrains.Contracts.Events;
using LiveGrains.LoadGen.Auth;
using LiveGrains.LoadGen.Cli;
using LiveGrains.LoadGen.Dashboards;
using LiveGrains.LoadGen.Hosting;
using LiveGrains.LoadGen.Measure;
using LiveGrains.LoadGen.Targets;
using LiveGrains.LoadGen.Workloads;
using LiveGrains.Simulation.Truth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Serialization;
using StackExchange.Redis;

namespace LiveGrains.LoadGen.Runs;

/// <summary>
/// Runs every requested target on the same workload, one after the other, in one process: baselines and LiveGrains
/// see the same events, the same machine load and the same JIT state, so their ratio means something.
/// </summary>
public sealed class BenchmarkSuite(LoadGenOptions options, TextWriter output)
{
    // The grains' default tick; the dashboard goal is one tick plus 250 ms.
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    // Bound on the wait until dashboards show the on-air phase: a host that cannot get there must not hang the run.
    private static readonly TimeSpan OnAirWait = TimeSpan.FromSeconds(120);

    // About how long a target's warm-up and seeding take, from the copy of its events to its measured phase.
    private static readonly TimeSpan LeadToMeasuring = TimeSpan.FromSeconds(60);

    private readonly TokenMinter? _minter = options.SigningKey is { } key ? new TokenMinter(key, options.Issuer) : null;

    // About three simulated minutes at the simulator's rates: long enough for LIVEs of one to two minutes to end.
    private const long WarmUpEventsPerLive = 800;

    /// <summary>Runs the suite and returns one report per target, in the order run.</summary>
    public async Task<SuiteResult> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var workload = WorkloadBuilder.Build(options, DateTimeOffset.UtcNow);
        output.WriteLine($"workload: {workload.EventCount:N0} events in {workload.Batches.Count:N0} requests, {options.Lives:N0} LIVEs on air, " +
            $"{workload.SimulatedSeconds:0} simulated s, generated in {clock.Elapsed.TotalSeconds:0.0} s");
        // Not timed: a small world of its own ids, sent until every hot path runs optimized code (see WarmUp). Its LIVEs get
        // at least as many events each as the run's, and last one to two minutes, so the paths of a long run (LIVEs ending
        // and checkpointing, windows filling, sets growing) run often enough in it to be optimized before measuring: a run
        // of 800 events per LIVE compiled about a thousand methods (2.4 s of JIT on two cores) while measured, after a
        // warm-up of 100 events per LIVE in which no LIVE ended.
        var warmUpLives = Math.Min(200, options.Lives);
        var warmUp = WorkloadBuilder.Build(options with
        {
            Lives = warmUpLives,
            Events = Math.Max(WarmUpEventsPerLive, options.Events / options.Lives) * warmUpLives,
            Seed = options.Seed + 1000,
            Duplicates = 0,
        }, DateTimeOffset.UtcNow, liveMinutes: (1, 2));

        using var allocations = options.AllocationSample ? new AllocationSample() : null;
        var reports = new List<TargetReport>();
        var hostTargets = options.Targets.Count(IsOnHost);
        // Scanned once: every copy moves the same events.
        var timeRange = workload.TimeRange();
        for (var round = 0; round < options.Rounds; round++)
        {
            // Every other round in reverse, so that no target always runs first, or right after the same one.
            var order = round % 2 == 0 ? options.Targets : options.Targets.Reverse().ToList();
            if (options.Rounds > 1) output.WriteLine($"round {round + 1} of {options.Rounds}: {string.Join(", ", order)}");
            foreach (var name in order)
            {
                // A silo of its own for each in-process target: the LIVEs of earlier targets, still on air and ticking in a
                // shared one, took CPU and the collector's time from whichever target came after them.
                using var silo = name is "inproc" or "limit" ? await OrleansHosts.StartSiloAsync(options.SiloPort, options.SiloGatewayPort) : null;
                await using var target = await CreateAsync(name, silo);
                var onHost = IsOnHost(name);
                // New LIVEs for each round: the baselines count whatever they are sent, and LIVE grains would take a LIVE's
                // events again as duplicates. The host targets of one round share the host's grains, so each has its own.
                var run = onHost ? round * hostTargets + options.Targets.Where(IsOnHost).ToList().IndexOf(name) : round;
                var events = workload.ForRun(run, ShiftToNow(timeRange));
                // The copy is a gigabyte at 3M events: collected and compacted now, it is old before the warm-up, and no
                // collection while the target is measured has to move it.
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                // The JIT is warm after the first round's warm-ups.
                var report = await RunOneAsync(target, events, round == 0 ? warmUp : null, onHost, allocations, cancellationToken);
                if (name == "inproc")
                {
                    // Memory is measured on LIVEs of its own too, on the same silo after those of the run.
                    var serializer = silo!.Services.GetRequiredService<Serializer>();
                    var (heap, memoryTotals) = await MeasureMemoryAsync(new WireCopyTarget(target, serializer), workload.ForRun(options.Rounds + round, ShiftToNow(timeRange)), cancellationToken);
                    report = report with { HeapBytesPerActiveLive = heap, MemoryTotals = memoryTotals };
                }
                reports.Add(report with { Round = round });
                if (silo is not null) await OrleansHosts.StopQuietlyAsync(silo);
            }
        }
        return new SuiteResult(options, workload.EventCount, workload.SimulatedSeconds, reports);
    }

    private static bool IsOnHost(string target) => target is "client" or "http";

    // How far a target's copy of the events moves in time, in whole minutes (their seconds in the minute stay), so that
    // they begin about when its measured phase does, as a live stream's events happen about when they are sent. Sent as
    // generated, they were one to four minutes old by then, and a share of them that varied with where the minute
    // boundaries fell reached LIVEs as late events for minutes whose sums their cards had closed (BENCHMARKS.md, "Late
    // events the workload made"). A workload too long to be sent ahead of the clock within the skew receivers accept
    // (EventValidator.MaxClockSkew, less a minute) is sent as generated, aligned on the dedupe generations.
    private static TimeSpan ShiftToNow((DateTimeOffset First, DateTimeOffset Last) timeRange)
    {
        var (first, last) = timeRange;
        if (first > last || last - first + LeadToMeasuring > EventValidator.MaxClockSkew - TimeSpan.FromMinutes(1)) return TimeSpan.Zero;
        var wanted = DateTimeOffset.UtcNow + LeadToMeasuring - first;
        return TimeSpan.FromMinutes(Math.Floor(wanted.TotalMinutes));
    }

    // The types --alloc-sample lists per target.
    private const int AllocatedTypesShown = 30;

    private void WriteAllocations(string target, IReadOnlyList<(string Type, long Bytes)> allocated)
    {
        var total = Math.Max(1, allocated.Sum(a => a.Bytes));
        output.WriteLine($"[{target}] allocated in the measured phase, by type (sampled; the {allocated.Count} largest, {total / 1048576.0:N1} MiB):");
        foreach (var (type, bytes) in allocated) output.WriteLine($"[{target}]   {100.0 * bytes / total,5:0.0} %  {bytes / 1048576.0,8:N1} MiB  {type}");
    }

    private async Task<TargetReport> RunOneAsync(ITarget target, Workload workload, Workload? warmUp, bool onHost, AllocationSample? allocations,
        CancellationToken cancellationToken)
    {
        if (warmUp is not null)
        {
            var quiet = new RunSettings(options.Concurrency, 0, null, options.MaxAttempts, null);
            var warm = await WarmUp.RunAsync(target, warmUp, quiet, TimeSpan.FromSeconds(options.WarmUpSeconds), cancellationToken);
            output.WriteLine($"[{target.Name}] warm-up: {warm.Passes} passes of {warmUp.EventCount:N0} events in {warm.Seconds:0.0} s; {warm.LastPassCompiled:N0} methods " +
                $"compiled in the last, {(warm.Settled ? "settled" : "NOT settled")}");
        }
        var preparing = Stopwatch.StartNew();
        await target.PrepareAsync(workload, cancellationToken);
        // For the targets with grains behind them this is seeding the world's agencies and creators, which a large agency
        // made slow; the baselines have nothing to seed.
        if (target.Name == "inproc" || onHost) output.WriteLine($"[{target.Name}] seeding took {preparing.Elapsed.TotalSeconds:0.0} s (creators {workload.Creators.Count:N0}, agencies {workload.Agencies.Count:N0})");
        // Batches are numbered over the whole workload; with --on-air-first, measuring starts after the on-air batches.
        var measuredFrom = options.OnAirFirst ? workload.OnAirBatches : 0;

        PushLatencyTracker? tracker = null;
        DashboardFleet? fleet = null;
        if (onHost && options.Dashboards > 0)
        {
            if (_minter is null)
            {
                output.WriteLine($"[{target.Name}] dashboards skipped: agency tokens need --signing-key");
            }
            else
            {
                tracker = new PushLatencyTracker(workload, measuredFrom);
                fleet = await DashboardFleet.ConnectAsync(options.Url, _minter, workload.Agencies.Select(a => a.AgencyId).ToList(), options.Dashboards,
                    tracker, output, cancellationToken);
            }
        }

        var hostPid = onHost ? options.HostProcessId : 0;
        var (onAir, measured) = options.OnAirFirst ? workload.SplitOnAir() : (null, workload);
        RunResult? onAirRun = null;
        OnAirPhase? onAirPhase = null;
        if (onAir is not null) (onAirRun, onAirPhase) = await PutOnAirAsync(target, onAir, fleet, tracker, hostPid, cancellationToken);

        var settings = new RunSettings(options.Concurrency, options.Rate,
            options.DurationSeconds > 0 ? TimeSpan.FromSeconds(options.DurationSeconds) : null, options.MaxAttempts, options.Progress ? output : null,
            tracker is null ? null : (i, sentAt, sequences) => tracker.Acked(i + measuredFrom, sentAt, sequences), hostPid, HostMetrics(hostPid));
        // What the warm-up and the on-air phase left alive in this process (with the in-process silo's LIVE grains,
        // 10,000 activations and their first state, some 100 MB) is moved out of the young generations now, or the first
        // collections of the measured phase would copy it, for a target more or less depending on where the collector's
        // budget fell. A collection moves what survives one generation up, so it takes two to reach the oldest.
        GC.Collect(1, GCCollectionMode.Forced, blocking: true);
        GC.Collect(1, GCCollectionMode.Forced, blocking: true);
        // The measured phase is marked in the log for tools that watch it (scripts/profile.sh samples between the marks).
        if (options.Progress) output.WriteLine($"[{target.Name}] measured phase begins");
        allocations?.Start();
        var run = await LoadRunner.RunAsync(target, measured, settings, cancellationToken);
        var allocated = allocations?.Stop(AllocatedTypesShown);
        if (options.Progress) output.WriteLine($"[{target.Name}] measured phase over after {run.Wall.TotalSeconds:0.0} s");
        if (allocated is not null) WriteAllocations(target.Name, allocated);
        DashboardLatency? dashboards = null;
        if (fleet is not null)
        {
            await using (fleet) dashboards = await DrainAsync(fleet, tracker!, cancellationToken);
            output.WriteLine($"[{target.Name}] dashboards: {dashboards.Connected:N0} connected, {dashboards.Samples:N0} samples, " +
                $"event-to-dashboard p50 {dashboards.P50Ms:N0} ms, p99 {dashboards.P99Ms:N0} ms, max {dashboards.MaxMs:N0} ms; {dashboards.Pending:N0} not seen");
            output.WriteLine($"[{target.Name}] by {DashboardView.Window.TotalSeconds:0} s of send time (from s: p50 / p99 ms): " +
                string.Join(", ", dashboards.Windows.Select(w => $"{w.FromSeconds:0}: {w.P50Ms:N0} / {w.P99Ms:N0}")));
            var stages = dashboards.Stages;
            if (dashboards.OnAir is { } storm)
                output.WriteLine($"[{target.Name}] on-air phase (not in the numbers above): {storm.Samples:N0} samples, p50 {storm.P50Ms:N0} ms, p99 {storm.P99Ms:N0} ms, max {storm.MaxMs:N0} ms");
            output.WriteLine($"[{target.Name}] stages (both phases): card to agency publish p50 {stages.RelayP50Ms:N0} ms, p99 {stages.RelayP99Ms:N0} ms; " +
                $"publish to receipt p50 {stages.DeliveryP50Ms:N0} ms, p99 {stages.DeliveryP99Ms:N0} ms, max {stages.DeliveryMaxMs:N0} ms");
            output.WriteLine($"[{target.Name}] publish to receipt by {DashboardView.Window.TotalSeconds:0} s of publish time (from s: p50 / p99 ms): " +
                string.Join(", ", stages.DeliveryWindows.Select(w => $"{w.FromSeconds:0}: {w.P50Ms:N0} / {w.P99Ms:N0}")));
        }

        var phases = onAirRun is null ? new[] { run } : [onAirRun, run];
        var parts = onAir is null ? new[] { measured } : [onAir, measured];
        var truth = TruthOf(parts, phases);
        var verification = await VerifyAsync(target, truth, phases, cancellationToken);
        var acks = AckCheck.Check(phases, truth, dedupes: target.Name is not ("limit" or "redis"));
        var totals = truth.Totals();
        var report = new TargetReport(run, verification, acks, totals.Count, totals.Values.Count(t => !t.Ended), null, dashboards, onAirPhase);
        output.WriteLine($"[{target.Name}] {run.EventsSent:N0} events in {run.Wall.TotalSeconds:0.0} s = {run.EventsPerSecond:N0} ev/s; {verification.Summary}; {acks.Summary}; " +
            $"peak working set {run.PeakWorkingSet / 1048576.0:N0} MiB{(run.HostPeakWorkingSet is { } host ? $", host {host / 1048576.0:N0} MiB" : "")}" +
            (run.PageFaults is { } faults ? $"; {faults:N0} page faults ({faults * Environment.SystemPageSize / 1048576.0:N0} MiB of fresh pages)" : ""));
        foreach (var line in verification.Differences.Concat(acks.Differences)) output.WriteLine($"  {line}");
        return report;
    }

    /// <summary>
    /// Managed heap per active LIVE: the whole workload, on LIVEs of its own, sent as a silo receives it from another
    /// process (<see cref="WireCopyTarget"/>), between two settled heap measurements. Untimed: copying each request costs
    /// the load generator's CPU, which the measured runs must not pay. Its totals are checked like a measured run's.
    /// </summary>
    private async Task<(double? HeapBytesPerActiveLive, Verification Totals)> MeasureMemoryAsync(ITarget target, Workload workload, CancellationToken cancellationToken)
    {
        await target.PrepareAsync(workload, cancellationToken);
        var before = ResourceMeter.SettledHeapBytes();
        var run = await LoadRunner.RunAsync(target, workload, new RunSettings(options.Concurrency, 0, null, options.MaxAttempts, null), cancellationToken);
        var after = ResourceMeter.SettledHeapBytes();
        var truth = TruthOf([workload], [run]);
        var active = truth.Totals().Values.Count(t => !t.Ended);
        var totals = await VerifyAsync(target, truth, [run], cancellationToken);
        double? perLive = active > 0 ? (after - before) / (double)active : null;
        output.WriteLine($"[{target.Name}] memory pass: {run.EventsSent:N0} events on {active:N0} active LIVEs of its own, each request serialized and read back " +
            $"as a silo receives it; heap per active LIVE {(perLive is { } h ? $"{h / 1024:N1} KiB" : "-")}; {totals.Summary}");
        foreach (var line in totals.Differences) output.WriteLine($"  {line}");
        return (perLive, totals);
    }

    // The events of the batches that were sent (a run cut short by --duration sends only some).
    private static GroundTruth TruthOf(IReadOnlyList<Workload> parts, IReadOnlyList<RunResult> phases)
    {
        var truth = new GroundTruth();
        for (var p = 0; p < phases.Count; p++)
            for (var i = 0; i < parts[p].Batches.Count; i++)
                if (phases[p].Sent[i]) truth.AddRange(parts[p].Batches[i]);
        return truth;
    }

    private static async Task<Verification> VerifyAsync(ITarget target, GroundTruth truth, IReadOnlyList<RunResult> phases, CancellationToken cancellationToken)
    {
        // A LIVE's first card push happens on its first tick; wait one so the check also covers data the ticks touch.
        await Task.Delay(TimeSpan.FromSeconds(1.5), cancellationToken);
        return await target.VerifyAsync(truth, phases.Sum(r => r.EventsSent), cancellationToken);
    }

    // A measured host is the one at --url, whose Prometheus endpoint tells its collections.
    private Uri? HostMetrics(int hostPid) => hostPid == 0 ? null : new Uri(options.Url, "/metrics");

    /// <summary>
    /// Sends the batches that put every LIVE on air, as paced as the measured phase; with dashboards, their latency is
    /// kept apart, and the run waits (at most <see cref="OnAirWait"/>) until every dashboard shows every one of those
    /// batches for the LIVEs of its agency. The measured phase then starts with ten thousand LIVEs on air and on screen,
    /// and the start-up storm gets numbers of its own.
    /// </summary>
    private async Task<(RunResult Run, OnAirPhase Phase)> PutOnAirAsync(ITarget target, Workload onAir, DashboardFleet? fleet,
        PushLatencyTracker? tracker, int hostPid, CancellationToken cancellationToken)
    {
        var meter = new ResourceMeter(hostPid);
        var settings = new RunSettings(options.Concurrency, options.Rate, null, options.MaxAttempts, options.Progress ? output : null,
            tracker is null ? null : tracker.Acked, hostPid, HostMetrics(hostPid));
        var run = await LoadRunner.RunAsync(target, onAir, settings, cancellationToken);
        var lives = onAir.Batches.SelectMany(b => b).Select(e => e.LiveId).Distinct(StringComparer.Ordinal).Count();
        double? shown = null;
        long pending = 0;
        if (fleet is not null && tracker is not null)
        {
            // Only the on-air batches are tracked so far: none pending means every dashboard shows all of them.
            var deadline = meter.Wall + OnAirWait;
            while ((pending = tracker.Pending()) > 0 && meter.Wall < deadline) await Task.Delay(250, cancellationToken);
            if (pending == 0) shown = meter.Wall.TotalSeconds;
        }
        var wall = meter.Wall.TotalSeconds;
        var phase = new OnAirPhase(lives, run.EventsSent, run.Wall.TotalSeconds, shown, pending, meter.Cpu.TotalSeconds / wall,
            meter.HostCpu is { } host ? host.TotalSeconds / wall : null);
        output.WriteLine($"[{target.Name}] on air first: {phase.Lives:N0} LIVEs, {phase.Events:N0} events sent in {phase.SendSeconds:0.0} s; " +
            (shown is { } s ? $"every dashboard showed all of them {s:0.0} s after the first send" :
                fleet is null ? "no dashboards" : $"{pending:N0} (dashboard, LIVE, batch) still not shown after {OnAirWait.TotalSeconds:0} s") +
            $" (loadgen {phase.CpuCores:0.00} cores{(phase.HostCpuCores is { } h ? $", host {h:0.00} cores" : "")})");
        return (run, phase);
    }

    private static async Task<DashboardLatency> DrainAsync(DashboardFleet fleet, PushLatencyTracker tracker, CancellationToken cancellationToken)
    {
        // The last batches reach dashboards a LIVE tick plus an agency tick later; wait for them, boundedly, so the tail
        // is measured rather than cut off. What is still missing after the wait is reported as not seen.
        var deadline = DateTimeOffset.UtcNow + 5 * Tick;
        long pending;
        while ((pending = tracker.Pending()) > 0 && DateTimeOffset.UtcNow < deadline) await Task.Delay(250, cancellationToken);
        return fleet.Summarise(pending, Tick);
    }

    private async Task<ITarget> CreateAsync(string name, IHost? silo)
    {
        switch (name)
        {
            case "inproc":
                return new GrainTarget("inproc", silo!.Grains());
            case "limit":
                return new CountingTarget(silo!.Grains());
            case "client":
                var client = await StartClientAsync();
                return new GrainTarget("client", client.Grains(), async () => { await client.StopAsync(); client.Dispose(); });
            case "http":
                // A short-lived service token of our own, unless one was given: the host's ingest needs the service role.
                return new HttpTarget(options.Url, options.Token ?? _minter?.ForService("loadgen"), options.Concurrency);
            case "redis":
                var redis = await ConnectionMultiplexer.ConnectAsync($"{options.Redis},allowAdmin=true");
                return new RedisTarget(redis);
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "unknown target");
        }
    }

    private Task<IHost> StartClientAsync() => OrleansHosts.StartClientAsync(options.Gateway, options.ClusterId, options.ServiceId ?? options.ClusterId);
}
