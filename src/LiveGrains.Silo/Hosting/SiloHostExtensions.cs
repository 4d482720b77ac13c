using LiveGrains.Grains.Hosting;
using LiveGrains.Silo.Backfill;
using LiveGrains.Storage.Hosting;
using LiveGrains.Storage.Schema;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;

namespace LiveGrains.Silo.Hosting;

/// <summary>Wiring of the silo process: the Orleans silo in cluster mode, its schema start-up and its HTTP probes.</summary>
public static partial class SiloHostExtensions
{
    private const string ReadyTag = "ready";

    /// <summary>
    /// The silo from <c>LiveGrains:Cluster</c>, Orleans' Kubernetes hosting when <see cref="ClusterSettings.Kubernetes"/>
    /// is on, its meters for Prometheus, and Kestrel serving only the probes and <c>/metrics</c> on
    /// <see cref="ClusterSettings.HealthPort"/>.
    /// </summary>
    public static WebApplicationBuilder AddLiveGrainsSilo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = ClusterSettings.From(builder.Configuration);
        builder.UseOrleans(silo =>
        {
            silo.AddLiveGrainsCluster(settings, builder.Configuration);
            // Pod name as silo name, and silos whose pods are gone are declared dead at once; endpoints stay ours
            // (the manifests advertise the pod IP through LiveGrains__Cluster__AdvertisedAddress).
            if (settings.Kubernetes) silo.UseKubernetesHosting();
        });
        // Explicit listen: overrides ASPNETCORE_HTTP_PORTS of the container images, so the probe port is one setting.
        builder.WebHost.ConfigureKestrel(k => k.ListenAnyIP(settings.HealthPort));
        builder.Services.AddHealthChecks().AddCheck<SiloReadinessCheck>("silo-active-and-postgres", tags: [ReadyTag]);
        // In cluster mode the silos hold every grain: their Orleans, runtime and relay numbers are only here.
        var perMessage = builder.Configuration.GetValue<bool>(SiloMeters.PerMessageMetricsKey);
        builder.Services.AddOpenTelemetry().WithMetrics(m => m.AddMeter([.. SiloMeters.Names])
            .AddView(instrument => perMessage || !SiloMeters.IsPerMessage(instrument) ? null : MetricStreamConfiguration.Drop)
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>Applies the embedded schema migrations (idempotent, serialized across processes by an advisory lock).</summary>
    public static async Task MigrateLiveGrainsSchemaAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var applied = await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
        LogMigrated(app.Logger, applied.Count, applied, SchemaMigrator.Migrations.Count);
    }

    /// <summary>
    /// The one-time backfills (the creator directory), for <c>--migrate-only</c>: a deployment that migrates in a job then
    /// has its directory complete before any silo starts. A silo start runs them too and skips what is recorded as done;
    /// a failure is logged and left to the next silo start, as it is there.
    /// </summary>
    public static Task RunLiveGrainsBackfillsAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<CreatorDirectoryBackfill>().RunOrLogAsync(app.Lifetime.ApplicationStopping);
    }

    /// <summary>
    /// <c>/healthz</c>: the process answers. <c>/readyz</c>: the silo is Active in the cluster and Postgres answers.
    /// <c>/metrics</c>: Prometheus.
    /// </summary>
    public static WebApplication MapLiveGrainsSiloProbes(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema up to date: applied {Applied} migration(s) [{Versions}] of {Known}")]
    private static partial void LogMigrated(ILogger logger, int applied, IReadOnlyList<int> versions, int known);
}
