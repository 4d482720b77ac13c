using LiveGrains.Contracts.Directory;
using LiveGrains.Contracts.EventLog;
using LiveGrains.Contracts.History;
using LiveGrains.Contracts.Streams;
using LiveGrains.Grains.Agencies;
using LiveGrains.Grains.Directory;
using LiveGrains.Grains.EventLog;
using LiveGrains.Grains.History;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace LiveGrains.Grains.Hosting;

/// <summary>Wires the LiveGrains grains into a silo.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>
    /// Registers the grains' services and, for tests, in-memory grain storage (Orleans' memory storage, which silos of
    /// one test cluster share), memory streams and reminders, the in-memory event log, history store and creator
    /// directory. Cluster hosts register their durable providers instead.
    /// </summary>
    public static ISiloBuilder AddLiveGrainsInMemory(this ISiloBuilder silo, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.AddMemoryGrainStorage(StorageNames.Grains).AddMemoryGrainStorage(StorageNames.PubSub);
        return silo.AddInMemoryServices(configuration);
    }

    /// <summary>
    /// Embedded mode and the in-process benchmark, a cluster of one silo: <see cref="AddLiveGrainsInMemory"/> with
    /// <see cref="SingleProcessGrainStorage"/>, the <see cref="SingleProcessEventLog"/> and checkpoints only when a LIVE
    /// ends or deactivates (not when the silo shuts down). In one process the log and periodic checkpoints protect
    /// nothing that the rollup itself does not (see <see cref="SingleProcessEventLog"/>), while a checkpoint every few
    /// seconds copies every LIVE's rollup into storage. Configuration may still set <see cref="LiveGrainsOptions.CheckpointInterval"/>.
    /// </summary>
    public static ISiloBuilder AddLiveGrainsSingleProcess(this ISiloBuilder silo, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.TryAddSingleton<ILiveEventLog, SingleProcessEventLog>();
        // Before the configuration is bound (in AddLiveGrainsServices), so that configuration wins.
        silo.Services.Configure<LiveGrainsOptions>(o =>
        {
            o.CheckpointInterval = Timeout.InfiniteTimeSpan;
            o.CheckpointOnShutdown = false;
        });
        foreach (var name in new[] { StorageNames.Grains, StorageNames.PubSub })
            silo.Services.AddGrainStorage(name, (services, _) => new SingleProcessGrainStorage(services.GetRequiredService<IGrainStorageSerializer>()));
        return silo.AddInMemoryServices(configuration);
    }

    private static ISiloBuilder AddInMemoryServices(this ISiloBuilder silo, IConfiguration? configuration)
    {
        silo.AddMemoryStreams(LiveStreams.Provider).UseInMemoryReminderService();
        silo.Services.TryAddSingleton<ILiveHistoryStore, InMemoryLiveHistoryStore>();
        silo.Services.TryAddSingleton<ICreatorDirectory, InMemoryCreatorDirectory>();
        silo.Services.TryAddSingleton<ILiveEventLog, InMemoryLiveEventLog>();
        return silo.AddLiveGrainsServices(configuration);
    }

    /// <summary>
    /// Registers what the grains need whatever the storage: clock, options, and Orleans' binary serializer for grain
    /// state (checkpoints of LIVE rollups are frequent and large; the default JSON serializer cost more CPU than
    /// ingest itself in profiles).
    /// </summary>
    public static ISiloBuilder AddLiveGrainsServices(this ISiloBuilder silo, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.Replace(ServiceDescriptor.Singleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>());
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddSingleton<AgencyCardRelay>();
        var options = silo.Services.AddOptions<LiveGrainsOptions>();
        if (configuration is not null) options.Bind(configuration.GetSection(LiveGrainsOptions.Section));
        options.Validate(o => o.DedupeWindow >= TimeSpan.FromSeconds(2), $"{LiveGrainsOptions.Section}:DedupeWindow must be at least 2 seconds.")
            .ValidateOnStart();
        return silo;
    }
}
