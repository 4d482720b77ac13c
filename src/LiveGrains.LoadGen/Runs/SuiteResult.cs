using LiveGrains.LoadGen.Cli;

namespace LiveGrains.LoadGen.Runs;

/// <summary>Everything one invocation measured.</summary>
/// <param name="Options">The options of the run.</param>
/// <param name="WorkloadEvents">Events in the workload.</param>
/// <param name="SimulatedSeconds">Simulated time the workload covers.</param>
/// <param name="Targets">One report per target, in the order run.</param>
public sealed record SuiteResult(LoadGenOptions Options, long WorkloadEvents, double SimulatedSeconds, IReadOnlyList<TargetReport> Targets)
{
    /// <summary>True when every check that could run passed.</summary>
    public bool Passed => Targets.All(t => t.Passed);

    /// <summary>Rounds the targets ran (<see cref="LoadGenOptions.Rounds"/>).</summary>
    public int Rounds => Targets.Count == 0 ? 0 : Targets.Max(t => t.Round) + 1;
}
