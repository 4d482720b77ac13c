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

    /// <summary>
    /// Registers instruments, exporters and checks. Traces (ASP.NET Core requests and the Orleans grain calls they
    /// make) go to an OTLP collector when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is configured, and nowhere otherwise.
    /// </summary>
    public static IServiceCollection AddLiveGrainsObservability(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.AddSingleton<LiveMetrics>();
        services.AddHealthChecks().AddCheck<ReadinessCheck>("cluster-and-storage", tags: ["ready"]);
        services.AddOpenTelemetry()
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddMeter(LiveMetrics.MeterName, "Microsoft.Orleans", RuntimeMeter).AddPrometheusExporter())
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation().AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application");
                if (otlp) t.AddOtlpExporter();
            });
        return services;
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
