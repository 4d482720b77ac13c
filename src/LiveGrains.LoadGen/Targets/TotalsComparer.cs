using LiveGrains.Simulation.Truth;

namespace LiveGrains.LoadGen.Targets;

/// <summary>Compares the totals a system reports per LIVE with the ground truth, counter by counter.</summary>
public static class TotalsComparer
{
    /// <summary>Reads every LIVE of <paramref name="truth"/> through <paramref name="read"/> (null: LIVE unknown) and compares.</summary>
    public static async Task<Verification> CompareAsync(
        GroundTruth truth, Func<string, CancellationToken, Task<LiveTotals?>> read, int parallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(read);
        var expected = truth.Totals();
        var observed = new System.Collections.Concurrent.ConcurrentDictionary<string, LiveTotals?>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(expected.Keys, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (id, ct) => observed[id] = await read(id, ct));
        return Compare(expected, observed);
    }

    /// <summary>Compares two sets of totals; the summary names how many LIVEs and counters were checked.</summary>
    public static Verification Compare(IReadOnlyDictionary<string, LiveTotals> expected, IReadOnlyDictionary<string, LiveTotals?> observed)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(observed);
        var differences = new List<string>();
        var wrongLives = 0;
        var sums = new Dictionary<string, (long Expected, long Observed)>(StringComparer.Ordinal);
        foreach (var (id, want) in expected.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var got = observed.GetValueOrDefault(id);
            var wrong = false;
            if (got is null)
            {
                wrong = true;
                if (differences.Count < 20) differences.Add($"LIVE {id}: not found");
            }
            var gotCounters = got?.Counters();
            var wantCounters = want.Counters();
            for (var i = 0; i < wantCounters.Count; i++)
            {
                var (name, value) = wantCounters[i];
                var seen = gotCounters?[i].Value ?? 0;
                var s = sums.GetValueOrDefault(name);
                sums[name] = (s.Expected + value, s.Observed + seen);
                if (got is null || seen == value) continue;
                wrong = true;
                if (differences.Count < 20) differences.Add($"LIVE {id}: {name} expected {value}, system says {seen} ({seen - value:+#;-#;0})");
            }
            if (wrong) wrongLives++;
        }
        foreach (var (name, (want, got)) in sums.Where(s => s.Value.Expected != s.Value.Observed))
            differences.Add($"total {name}: expected {want}, system says {got} ({got - want:+#;-#;0})");
        var counters = sums.Count;
        return wrongLives == 0
            ? new Verification(true, $"exact: {expected.Count} LIVEs x {counters} counters equal the ground truth", [])
            : new Verification(false, $"MISMATCH: {wrongLives} of {expected.Count} LIVEs differ", differences);
    }
}
