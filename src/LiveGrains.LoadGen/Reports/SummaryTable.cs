using System.Globalization;
using System.Runtime.InteropServices;
using LiveGrains.LoadGen.Measure;
using LiveGrains.LoadGen.Runs;

namespace LiveGrains.LoadGen.Reports;

/// <summary>The table printed at the end of a run: absolute numbers, and ratios against the baselines of the same run.</summary>
public static class SummaryTable
{
    /// <summary>Writes the table, the goals and the check results.</summary>
    public static void Write(SuiteResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        var o = result.Options;
        output.WriteLine();
        output.WriteLine($"{result.WorkloadEvents:N0} events, {o.Lives:N0} LIVEs, agencies {o.Agencies}, batch {o.Batch}, concurrency {o.Concurrency}, " +
            $"rate {(o.Rate > 0 ? o.Rate.ToString("N0", CultureInfo.InvariantCulture) : "max")}, seed {o.Seed}, {Environment.ProcessorCount} cores, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");
        output.WriteLine("| target | events/s | p50 ms | p95 ms | p99 ms | max ms | CPU cores (loadgen) | CPU cores (host) | alloc B/event (loadgen) | GC pause % / gen0-1-2 (loadgen) | alloc B/event, GC pause % / gen0-1-2 (host) | JIT methods / ms (loadgen) | heap/LIVE | dashboard p50 / p99 ms | retries | totals check |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var t in result.Targets)
        {
            var r = t.Run;
            output.WriteLine($"| {r.Target}{(result.Rounds > 1 ? $" (round {t.Round + 1})" : "")} | {r.EventsPerSecond:N0} | {Ms(r.Latency.Percentile(50))} | {Ms(r.Latency.Percentile(95))} | " +
                $"{Ms(r.Latency.Percentile(99))} | {Ms(r.Latency.Max)} | {r.CpuCores:0.00} | {(r.HostCpuCores is { } hc ? hc.ToString("0.00", CultureInfo.InvariantCulture) : "-")} | " +
                $"{r.AllocatedPerEvent:N0} | {r.GcPauseShare * 100:0.0} / {r.Gc.Gen0}-{r.Gc.Gen1}-{r.Gc.Gen2} | {HostGc(r)} | {r.Jit.Methods:N0} / {r.Jit.Time.TotalMilliseconds:N0} | {(t.HeapBytesPerActiveLive is { } h ? $"{h / 1024:N1} KiB" : "-")} | " +
                $"{(t.Dashboards is { Samples: > 0 } d ? $"{d.P50Ms:N0} / {d.P99Ms:N0}" : "-")} | {r.Retries} | {(t.Passed ? "" : "FAILED: ")}{t.Totals.Summary} |");
        }
        output.WriteLine();
        foreach (var (line, _) in Ratios(result)) output.WriteLine(line);
        output.WriteLine(result.Passed ? "all checks passed" : "CHECKS FAILED");
    }

    private static string HostGc(RunResult r) => r.Host is { Gc: var gc }
        ? $"{r.HostAllocatedPerEvent:N0}, {r.HostGcPauseShare * 100:0.0} / {gc.Gen0}-{gc.Gen1}-{gc.Gen2}"
        : "-";

    /// <summary>
    /// Ratio lines against the baselines present in the run, with whether each goal is met. With several rounds, each
    /// round's ratios come first and the goal is judged on their median.
    /// </summary>
    public static IReadOnlyList<(string Line, bool? Met)> Ratios(SuiteResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rounds = result.Rounds;
        var lines = new List<(string, bool?)>();
        var byGoal = new Dictionary<(string System, RatioGoal Goal), List<double>>();
        for (var round = 0; round < rounds; round++)
        {
            var byName = result.Targets.Where(t => t.Round == round).ToDictionary(t => t.Run.Target, t => t.Run.EventsPerSecond);
            foreach (var system in new[] { "inproc", "client", "http" }.Where(byName.ContainsKey))
            {
                foreach (var goal in RatioGoals)
                {
                    if (!byName.TryGetValue(goal.Baseline, out var baseline) || baseline <= 0) continue;
                    var ratio = byName[system] / baseline;
                    (CollectionsMarshal.GetValueRefOrAddDefault(byGoal, (system, goal), out _) ??= []).Add(ratio);
                    var line = $"{RoundPrefix(result, round)}{system} / {goal.Baseline} = {goal.Format(ratio)} ({byName[system]:N0} vs {baseline:N0} ev/s)";
                    // One round of several is not the verdict: the median is.
                    lines.Add(rounds > 1 ? (line, null) : ($"{line}; {goal.Verdict(ratio)}", goal.IsMet(ratio)));
                }
            }
        }
        if (rounds > 1)
        {
            foreach (var ((system, goal), ratios) in byGoal)
            {
                var median = Statistics.Median(ratios);
                lines.Add(($"{system} / {goal.Baseline}, median of {ratios.Count} rounds = {goal.Format(median)} (by round: {string.Join(", ", ratios.Select(goal.Format))}); " +
                    goal.Verdict(median), goal.IsMet(median)));
            }
        }
        foreach (var t in result.Targets)
        {
            if (t.OnAir is { } onAir)
            {
                lines.Add(($"{RoundPrefix(result, t.Round)}{t.Run.Target} measured after {onAir.Lives:N0} LIVEs went on air at once (unmeasured, {onAir.Events:N0} events): " +
                    (onAir.ShownSeconds is { } s ? $"every dashboard showed all of it {s:0.0} s after the first send" :
                        $"{onAir.Pending:N0} (dashboard, LIVE, batch) were still not shown when measuring began") +
                    (t.Dashboards?.OnAir is { } storm ? $"; its event-to-dashboard p50 {storm.P50Ms:N0} ms, p99 {storm.P99Ms:N0} ms" : ""), null));
            }
            if (t.HeapBytesPerActiveLive is { } heap)
            {
                var met = heap <= MemoryGoalBytes;
                lines.Add(($"{RoundPrefix(result, t.Round)}{t.Run.Target} heap per active LIVE = {heap / 1024:N1} KiB ({t.ActiveLives:N0} active LIVEs); goal <= 20 KB: {(met ? "met" : "MISSED")}", met));
            }
            if (t.Dashboards is { Met: { } ok } d)
            {
                lines.Add(($"{RoundPrefix(result, t.Round)}{t.Run.Target} event-to-dashboard p99 = {d.P99Ms:N0} ms (p50 {d.P50Ms:N0} ms, {d.Connected:N0} dashboards, {d.Samples:N0} samples, " +
                    $"{d.Pending:N0} not seen); goal <= {d.GoalMs:N0} ms (tick + 250 ms): {(ok ? "met" : "MISSED")}", ok));
            }
        }
        return lines;
    }

    private static string RoundPrefix(SuiteResult result, int round) => result.Rounds > 1 ? $"round {round + 1}: " : "";

    // The goals set against each baseline of the same run.
    private static readonly RatioGoal[] RatioGoals =
    [
        new("limit", r => r >= 0.5, r => r.ToString("P0", CultureInfo.InvariantCulture), ">= 50 %"),
        new("redis", r => r > 1, r => $"{r:0.00}x", "> 1x"),
    ];

    private sealed record RatioGoal(string Baseline, Func<double, bool> IsMet, Func<double, string> Format, string Goal)
    {
        public string Verdict(double ratio) => $"goal {Goal}: {(IsMet(ratio) ? "met" : "MISSED")}";
    }

    // 20 KB read as 20,000 bytes: the stricter of the two readings.
    private const double MemoryGoalBytes = 20_000;

    private static string Ms(long micros) => (micros / 1000.0).ToString("0.0", CultureInfo.InvariantCulture);
}
