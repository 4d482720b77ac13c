using LiveGrains.Contracts.EventLog;
using LiveGrains.Contracts.Streams;
using LiveGrains.Grains.Hosting;
using LiveGrains.Silo.Backfill;
using LiveGrains.Storage.EventLog;
using LiveGrains.Storage.Hosting;
using Orleans.Configuration;

namespace LiveGrains.Silo.Hosting;

/// <summary>
/// Wires a silo for cluster mode: Postgres membership, grain state and reminders (our own schema), history and the
/// creator directory on Postgres, and the directory's one-time backfill from grain state at start-up.
/// </summary>
public static class ClusterSiloExtensions
{
    /// <summary>The ADO.NET invariant name of Npgsql.</summary>
    public const string Invariant = PostgresServiceCollectionExtensions.Invariant;

    /// <summary>Configures <paramref name="silo"/> with <paramref name="settings"/>, its endpoints included.</summary>
    public static ISiloBuilder AddLiveGrainsCluster(this ISiloBuilder silo, ClusterSettings settings, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(settings);
        silo.ConfigureEndpoints(settings.AdvertisedIPAddress(), settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true)
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.ClusterId, settings.ServiceId));
        return silo.AddLiveGrainsClusterProviders(settings, configuration);
    }

    /// <summary>The Postgres-backed providers, without endpoints and cluster identity (test clusters assign their own).</summary>
    public static ISiloBuilder AddLiveGrainsClusterProviders(this ISiloBuilder silo, ClusterSettings settings, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(settings);
        var connectionString = settings.RequirePostgres();
        silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (Invariant, connectionString))
            .AddAdoNetGrainStorage(StorageNames.Grains, o => (o.Invariant, o.ConnectionString) = (Invariant, connectionString))
            .AddAdoNetGrainStorage(StorageNames.PubSub, o => (o.Invariant, o.ConnectionString) = (Invariant, connectionString))
            .UseAdoNetReminderService(o => (o.Invariant, o.ConnectionString) = (Invariant, connectionString))
            .AddMemoryStreams(LiveStreams.Provider);
        silo.Services.AddLiveGrainsPostgres(connectionString);
        silo.Services.AddSingleton<CreatorDirectoryBackfill>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(s => s.GetRequiredService<CreatorDirectoryBackfill>());
        silo.Services.AddLiveGrainsEventLog(configuration);
        silo.Services.AddStorageExceptionSerialization();
        silo.Services.Configure<LiveGrainsOptions>(o => o.OnAirReminders = true);
        return silo.AddLiveGrainsServices(configuration);
    }
}
