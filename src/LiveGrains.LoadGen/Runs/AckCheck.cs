using LiveGrains.LoadGen.Targets;
using LiveGrains.Simulation.Truth;

namespace LiveGrains.LoadGen.Runs;

/// <summary>Checks the acknowledgements: every event answered once, none rejected, exactly the expected ones accepted.</summary>
public static class AckCheck
{
    /// <summary>
    /// Compares the acknowledged counts of <paramref name="runs"/> (the phases of one target's run, in order) with
    /// <paramref name="truth"/>. When a request was retried, an attempt that reached the system but lost its answer turns
    /// accepted events into duplicates of the retry, so only the sum accepted + duplicates must match then.
    /// </summary>
    public static Verification Check(IReadOnlyCollection<RunResult> runs, GroundTruth truth, bool dedupes)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(truth);
        if (!dedupes) return Verification.NotChecked("acks: counted, no dedupe");
        var run = (EventsSent: runs.Sum(r => r.EventsSent), Accepted: runs.Sum(r => r.Accepted), Duplicates: runs.Sum(r => r.Duplicates),
            Rejected: runs.Sum(r => r.Rejected), Retries: runs.Sum(r => r.Retries));
        var problems = new List<string>();
        var answered = run.Accepted + run.Duplicates + run.Rejected;
        if (answered != run.EventsSent) problems.Add($"{answered} events answered, {run.EventsSent} sent");
        if (run.Rejected != truth.Rejected) problems.Add($"{run.Rejected} rejected, expected {truth.Rejected}");
        if (run.Retries == 0 && run.Accepted != truth.Accepted) problems.Add($"{run.Accepted} accepted, expected {truth.Accepted}");
        if (run.Retries > 0 && run.Accepted > truth.Accepted) problems.Add($"{run.Accepted} accepted, more than the {truth.Accepted} possible");
        return problems.Count == 0
            ? new Verification(true, $"acks: {run.Accepted:N0} accepted + {run.Duplicates:N0} duplicates, as expected", [])
            : new Verification(false, "acks: MISMATCH", problems);
    }
}
