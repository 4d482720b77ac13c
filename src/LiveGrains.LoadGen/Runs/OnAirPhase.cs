namespace LiveGrains.LoadGen.Runs;

/// <summary>
/// The unmeasured phase of <c>--on-air-first</c>: every LIVE of the world went on air at once (the first simulated
/// step), and the run waited until every dashboard showed all of it for the LIVEs of its agency before the measured phase.
/// </summary>
/// <param name="Lives">LIVEs that went on air.</param>
/// <param name="Events">Events sent in the phase.</param>
/// <param name="SendSeconds">From the first send to the last acknowledgement.</param>
/// <param name="ShownSeconds">
/// From the first send until every dashboard showed every batch of the phase for the LIVEs of its agency; null when there
/// were no dashboards, or when the wait's bound passed first.
/// </param>
/// <param name="Pending">(dashboard, LIVE, batch) triples still not shown when the wait ended.</param>
/// <param name="CpuCores">Cores the load generator kept busy over the phase.</param>
/// <param name="HostCpuCores">Cores the web host kept busy over the phase, when measured.</param>
public sealed record OnAirPhase(int Lives, long Events, double SendSeconds, double? ShownSeconds, long Pending, double CpuCores, double? HostCpuCores);
