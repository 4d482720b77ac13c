using LiveGrains.Grains.Hosting;
using LiveGrains.Simulation;
using LiveGrains.Web.Demo;

namespace LiveGrains.Web.Hosting;

/// <summary>Embedded mode: the web process co-hosts a localhost silo and runs the demo world.</summary>
public static class EmbeddedHostingExtensions
{
    /// <summary>
    /// A localhost silo with in-memory grain storage, streams and history and no event log (the co-hosted silo shares this host's
    /// services, so the API reaches grains and history directly), plus the demo simulator when enabled.
    /// </summary>
    public static WebApplicationBuilder AddLiveGrainsEmbedded(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var config = builder.Configuration;
        var ports = config.GetSection(SiloPortOptions.Section).Get<SiloPortOptions>() ?? new SiloPortOptions();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(ports.SiloPort, ports.GatewayPort)
            .AddLiveGrainsSingleProcess(config));
        builder.Services.Configure<SimulationOptions>(config.GetSection(SimulationOptions.Section));
        builder.Services.AddHostedService<DemoSimulator>();
        return builder;
    }
}
