namespace LiveGrains.LoadGen.Dashboards;

/// <summary>Event-to-dashboard latency of one target run, as seen by real SignalR dashboards.</summary>
/// <param name="Requested">Dashboards asked for.</param>
/// <param name="Connected">Dashboards that connected and subscribed.</param>
/// <param name="Messages">CardsChanged messages received over all dashboards.</param>
/// <param name="Samples">(dashboard, LIVE, batch) triples observed: each is one latency sample.</param>
/// <param name="Pending">Triples that no dashboard message had covered when the drain wait ended.</param>
/// <param name="P50Ms">Median latency.</param>
/// <param name="P99Ms">99th percentile latency.</param>
/// <param name="MaxMs">Largest latency.</param>
/// <param name="GoalMs">The goal: push interval (tick) plus 250 ms.</param>
/// <param name="Windows">The same by window of send time, in order.</param>
/// <param name="Stages">Where the time after the LIVE's card went.</param>
/// <param name="OnAir">Latency of the on-air phase's batches (the start-up storm), kept out of every other number here.</param>
public sealed record DashboardLatency(int Requested, int Connected, long Messages, long Samples, long Pending, double P50Ms, double P99Ms, double MaxMs, double GoalMs,
    IReadOnlyList<DashboardWindow> Windows, DashboardStages Stages, PhaseLatency? OnAir = null)
{
    /// <summary>Whether the 99th percentile is within the goal (null when nothing was measured).</summary>
    public bool? Met => Samples == 0 ? null : P99Ms <= GoalMs;
}
