using LiveGrains.Contracts.EventLog;
using LiveGrains.Contracts.Streams;
using LiveGrains.Storage.Hosting;
using LiveGrains.Web.Auth;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;

namespace LiveGrains.Web.Hosting;

/// <summary>Cluster mode: the web process is an Orleans client of the silos that share its Postgres.</summary>
public static class ClusterClientHostingExtensions
{
    /// <summary>
    /// An Orleans client that finds the gateways through ADO.NET membership on <c>LiveGrains:Cluster:Postgres</c>,
    /// with the cluster identity of the silos and their stream provider (the hub subscribes through the gateway),
    /// and the Postgres history store. No demo simulator: producers feed the cluster.
    /// </summary>
    public static WebApplicationBuilder AddLiveGrainsClusterClient(this WebApplicationBuilder builder, AuthOptions auth)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(auth);
        var settings = ClusterSettings.From(builder.Configuration);
        var connectionString = settings.RequirePostgres();
        // A random per-process key (embedded mode's fallback) would make every web replica reject the others' tokens.
        if (string.IsNullOrWhiteSpace(auth.SigningKey))
        {
            throw new InvalidOperationException($"{AuthOptions.Section}:SigningKey (env LiveGrains__Auth__SigningKey) is required in cluster mode: every web process and token issuer must share it.");
        }

        builder.UseOrleansClient(client => client
            .UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (PostgresServiceCollectionExtensions.Invariant, connectionString))
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.ClusterId, settings.ServiceId))
            .AddMemoryStreams(LiveStreams.Provider)
            .UseConnectionRetryFilter<ClusterConnectionRetry>());
        builder.Services.AddSingleton(settings);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddLiveGrainsPostgres(connectionString);
        builder.Services.AddStorageExceptionSerialization();
        return builder;
    }
}
