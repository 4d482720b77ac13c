using System.Collections.Frozen;
using System.Diagnostics.Metrics;
using LiveGrains.Grains.Agencies;

namespace LiveGrains.Grains.Hosting;

/// <summary>
/// The meters a process that hosts or calls the silo exports, and the Orleans instruments it leaves out: one list for the
/// web process and the silo process, whose exporters are set up apart.
/// </summary>
public static class SiloMeters
{
    /// <summary>
    /// The runtime's own meter (collections, pause time, bytes allocated, thread pool, lock contention): what an operator
    /// looks at first when a silo slows down, and what the load generator reads to report the host's collections.
    /// </summary>
    public const string RuntimeMeter = "System.Runtime";

    /// <summary>Orleans' meter: activations, storage and stream latency, request latency, directory and messaging.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>
    /// Setting (<c>true</c>/<c>false</c>, default false) that keeps Orleans' per-message instruments: counters of every
    /// message dispatched, enqueued, sent within the silo, passed through its gateway or rerouted there, and of every
    /// directory lookup made to address one, and histograms of every message's and header's size. The tagged ones box
    /// their tags' values for every message (about 4 % of the host's allocations on the Orleans client path at high
    /// ingest rates), and together they took 1.3–1.5 % of the web host's CPU there (BENCHMARKS.md). Dropped, Orleans does
    /// not record them at all.
    /// </summary>
    public const string PerMessageMetricsKey = "LiveGrains:Observability:PerMessageMetrics";

    /// <summary>The silo's meters: the relay's, Orleans' and the runtime's.</summary>
    public static readonly IReadOnlyList<string> Names = [RelayInstruments.MeterName, OrleansMeter, RuntimeMeter];

    private static readonly FrozenSet<string> PerMessageInstruments = FrozenSet.Create(StringComparer.Ordinal,
        "orleans-messaging-processing-dispatcher-received", "orleans-messaging-processing-dispatcher-processed",
        "orleans-messaging-processing-dispatcher-forwarded", "orleans-messaging-processing-ima-received",
        "orleans-messaging-processing-ima-enqueued", "orleans-messaging-sent-messages-size", "orleans-messaging-received-messages-size",
        "orleans-messaging-sent-header-size", "orleans-messaging-received-header-size", "orleans-messaging-sent-local",
        "orleans-gateway-sent", "orleans-gateway-received", "orleans-messaging-rerouted",
        "orleans-directory-lookups-local-issued", "orleans-directory-lookups-local-successes", "orleans-directory-lookups-cache-issued",
        "orleans-directory-lookups-cache-successes", "orleans-directory-lookups-local-directory-issued",
        "orleans-directory-lookups-local-directory-successes");

    /// <summary>True for Orleans' instruments recorded once per message (see <see cref="PerMessageMetricsKey"/>).</summary>
    public static bool IsPerMessage(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return instrument.Meter.Name == OrleansMeter && PerMessageInstruments.Contains(instrument.Name);
    }
}
