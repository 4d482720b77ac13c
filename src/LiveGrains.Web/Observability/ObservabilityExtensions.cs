using LiveGrains.Grains.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace LiveGrains.Web.Observability;

/// <summary>OpenTelemetry metrics and traces, the Prometheus endpoint and the health probes.</summary>
public static class ObservabilityExtensions
{
    /// <summary>
    /// Registers instruments, exporters and checks. Traces (ASP.NET Core requests and the Orleans grain calls they
    /// make) go to an OTLP collector when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is configured, and nowhere otherwise.
    /// </summary>
    public static IServiceCollection AddLiveGrainsObservability(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var perMessage = configuration.GetValue<bool>(SiloMeters.PerMessageMetricsKey);
        services.AddSingleton<LiveMetrics>();
        services.AddHealthChecks().AddCheck<ReadinessCheck>("cluster-and-storage", tags: ["ready"]);
        services.AddOpenTelemetry()
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddMeter([LiveMetrics.MeterName, .. SiloMeters.Names])
                .AddView(instrument => perMessage || !SiloMeters.IsPerMessage(instrument) ? null : MetricStreamConfiguration.Drop)
                .AddPrometheusExporter())
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
