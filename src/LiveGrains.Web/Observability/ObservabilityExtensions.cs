using System.Collections.Frozen;
using System.Diagnostics.Metrics;
using LiveGrains.Grains.Agencies;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace LiveGrains.Web.Observability;

/// <summary>OpenTelemetry metrics and traces, the Prometheus endpoint and the health probes.</summary>
public static class ObservabilityExtensions
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
    /// message dispatched and enqueued, and histograms of every message's size. They box their tags' values for every
    /// message: about 4 % of the host's allocations on the Orleans client path at high ingest rates (BENCHMARKS.md).
    /// Dropped, Orleans does not record them at all.
    /// </summary>
    public const string PerMessageMetricsKey = "LiveGrains:Observability:PerMessageMetrics";

    /// <summary>
    /// Registers instruments, exporters and checks. Traces (ASP.NET Core requests and the Orleans grain calls they
    /// make) go to an OTLP collector when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is configured, and nowhere otherwise.
    /// </summary>
    public static IServiceCollection AddLiveGrainsObservability(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var perMessage = configuration.GetValue<bool>(PerMessageMetricsKey);
        services.AddSingleton<LiveMetrics>();
        services.AddHealthChecks().AddCheck<ReadinessCheck>("cluster-and-storage", tags: ["ready"]);
        services.AddOpenTelemetry()
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddMeter(LiveMetrics.MeterName, RelayInstruments.MeterName, OrleansMeter, RuntimeMeter)
                .AddView(instrument => perMessage || !IsPerMessage(instrument) ? null : MetricStreamConfiguration.Drop)
                .AddPrometheusExporter())
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation().AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application");
                if (otlp) t.AddOtlpExporter();
            });
        return services;
    }

    private static readonly FrozenSet<string> PerMessageInstruments = FrozenSet.Create(StringComparer.Ordinal,
        "orleans-messaging-processing-dispatcher-received", "orleans-messaging-processing-dispatcher-processed",
        "orleans-messaging-processing-dispatcher-forwarded", "orleans-messaging-processing-ima-received",
        "orleans-messaging-processing-ima-enqueued", "orleans-messaging-sent-messages-size", "orleans-messaging-received-messages-size");

    /// <summary>True for Orleans' instruments recorded once per message (see <see cref="PerMessageMetricsKey"/>).</summary>
    public static bool IsPerMessage(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return instrument.Meter.Name == OrleansMeter && PerMessageInstruments.Contains(instrument.Name);
    }

    /// <summary>
    /// <c>/healthz</c> (the process is up), <c>/readyz</c> (cluster and storage answer) and <c>/metrics</c>
    /// (Prometheus). They are anonymous: probes and scrapers carry no user token.
    /// </summary>
    public static void MapLiveGrainsProbes(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
    }
}
