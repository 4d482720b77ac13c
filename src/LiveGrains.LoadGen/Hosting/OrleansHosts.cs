using LiveGrains.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiveGrains.LoadGen.Hosting;

/// <summary>Starts the Orleans hosts a run needs: a silo in this process, or a client of a running host.</summary>
public static class OrleansHosts
{
    /// <summary>
    /// A localhost silo in this process with the LiveGrains grains and in-memory storage, exactly as the embedded web
    /// host wires it, settings from the environment included (<c>LiveGrains__Grains__TickInterval</c>, say); the counting
    /// grain of the limit baseline is in this assembly, so the silo finds it too.
    /// </summary>
    public static async Task<IHost> StartSiloAsync(int siloPort, int gatewayPort, Action<ISiloBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        Quiet(builder);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort).AddLiveGrainsSingleProcess(builder.Configuration);
            configure?.Invoke(silo);
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>An Orleans client of a running host's gateway on loopback, in the cluster its silos are configured with.</summary>
    public static async Task<IHost> StartClientAsync(int gatewayPort, string clusterId, string serviceId)
    {
        var builder = Host.CreateApplicationBuilder();
        Quiet(builder);
        builder.UseOrleansClient(client => client.UseLocalhostClustering(gatewayPort, serviceId, clusterId));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static volatile bool _muted;

    /// <summary>
    /// Stops a silo after its measurements with its logs silenced: on shutdown every LIVE's checkpoint write races the
    /// memory storage grains being deactivated at the same time, and in-memory state dies with the silo anyway.
    /// </summary>
    public static async Task StopQuietlyAsync(IHost silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        _muted = true;
        try
        {
            await silo.StopAsync(CancellationToken.None);
        }
        finally
        {
            _muted = false;
        }
    }

    /// <summary>The grain factory of a started host.</summary>
    public static IGrainFactory Grains(this IHost host) => host.Services.GetRequiredService<IGrainFactory>();

    private static void Quiet(HostApplicationBuilder builder)
    {
        // A progress line is the output of a load run; Orleans' informational logs would bury it.
        builder.Logging.ClearProviders().AddConsole().AddFilter(Allowed);
    }

    private static bool Allowed(string? category, LogLevel level) =>
        !_muted && level >= (category switch
        {
            // Placement retries are expected while a silo starts or stops.
            not null when category.StartsWith("Polly", StringComparison.Ordinal) => LogLevel.Error,
            // Orleans advises server GC; the load generator shares two cores with the silo and keeps workstation GC on purpose.
            "Orleans.Runtime.Silo" => LogLevel.Error,
            _ => LogLevel.Warning,
        });
}
