namespace LiveGrains.LoadGen.Durable;

/// <summary>One measured round of one contender.</summary>
/// <param name="Contender">"raw-copy" or "log-writer".</param>
/// <param name="Round">1-based round.</param>
/// <param name="Events">Events written (and counted back from the table).</param>
/// <param name="Seconds">Wall time.</param>
/// <param name="SteadyEventsPerSecond">Sustained rate between 5 % and 95 % of the round acknowledged (see <see cref="SteadyWindow"/>).</param>
/// <param name="AckP50Ms">Median acknowledgement latency of one append (of one COPY for raw COPY).</param>
/// <param name="AckP99Ms">99th percentile of the same.</param>
/// <param name="AckMaxMs">Largest of the same.</param>
/// <param name="CpuCores">Cores this process kept busy (its CPU time over wall time); Postgres' own CPU is not in it.</param>
/// <param name="Copies">COPY statements (each its own commit) the rows took.</param>
public sealed record DurableRound(string Contender, int Round, long Events, double Seconds, double SteadyEventsPerSecond, double AckP50Ms, double AckP99Ms, double AckMaxMs, double CpuCores, long Copies)
{
    /// <summary>Events per second over the whole round, ramp-up and drain included.</summary>
    public double EventsPerSecond => Events / Seconds;
}
