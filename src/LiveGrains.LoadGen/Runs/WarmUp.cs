using LiveGrains.LoadGen.Targets;
using LiveGrains.LoadGen.Workloads;

namespace LiveGrains.LoadGen.Runs;

/// <summary>
/// The unmeasured warm-up before each target's run: passes of a small world of its own, each pass with LIVEs of its own,
/// until this process's JIT settles. A single pass left the hot code at tier 0 or in its instrumented tier, to be
/// recompiled in the background while the measured run went on, so short runs measured the JIT as much as the system:
/// with tiered PGO turned off, which reaches optimized code sooner, LiveGrains ran 40 % faster in the same 1M-event run.
/// A long-running silo or web host runs optimized code; so do the runs after this warm-up, for every target alike. Some
/// hot paths are driven by time rather than by events (ticks, heartbeats, periodic checkpoints where a host writes them,
/// deactivations): the passes are spread over a minimum duration so that those run too. What the world's events must
/// cover is the warm-up world's business (see <see cref="BenchmarkSuite"/>).
/// </summary>
public static class WarmUp
{
    // Workload.ForRun keeps LIVE ids inside the seed's range of the simulator for runs 0 to 9.
    private const int MaxPasses = 9;
    private const int MinPasses = 2;
    // Methods compiled over a pass and the pause after it below which the JIT counts as settled: a settled process
    // still compiles now and then (a rare branch, a new generic instance).
    private const long SettledBelow = 25;
    // Tier-1 compilation runs on a background thread once methods stop being newly called: give it room between passes.
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(500);

    // Passes over which the minimum duration is spread: the JIT can settle after this many.
    private const int PassesForMinDuration = 6;

    /// <summary>
    /// Sends passes of <paramref name="world"/> to <paramref name="target"/> until the JIT settles, and at least
    /// <paramref name="minDuration"/> has passed, or the passes run out.
    /// </summary>
    public static async Task<WarmUpResult> RunAsync(ITarget target, Workload world, RunSettings settings, TimeSpan minDuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(world);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var pause = TimeSpan.FromTicks(Math.Max(Pause.Ticks, minDuration.Ticks / PassesForMinDuration));
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var lives = world.ForRun(pass);
            await target.PrepareAsync(lives, cancellationToken);
            await LoadRunner.RunAsync(target, lives, settings, cancellationToken);
            await Task.Delay(pause, cancellationToken);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            var fresh = now - compiled;
            compiled = now;
            if (pass + 1 >= MinPasses && fresh < SettledBelow && clock.Elapsed >= minDuration) return new WarmUpResult(pass + 1, fresh, true, clock.Elapsed.TotalSeconds);
            if (pass + 1 == MaxPasses) return new WarmUpResult(pass + 1, fresh, false, clock.Elapsed.TotalSeconds);
        }
        throw new InvalidOperationException("unreachable: the last pass returns");
    }
}
