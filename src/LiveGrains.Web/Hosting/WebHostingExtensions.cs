using LiveGrains.Contracts.Json;
using LiveGrains.Grains.Hosting;
using LiveGrains.Simulation;
using LiveGrains.Web.Auth;
using LiveGrains.Web.Demo;
using LiveGrains.Web.Hubs;
using LiveGrains.Web.Ingest;
using LiveGrains.Web.Observability;

namespace LiveGrains.Web.Hosting;

/// <summary>Service and pipeline wiring of the web host.</summary>
public static class WebHostingExtensions
{
    /// <summary>
    /// Registers the API, JSON conventions, problem details and, in embedded mode, a co-hosted localhost silo
    /// with in-memory storage, streams and history, plus the demo simulator when enabled.
    /// </summary>
    public static WebApplicationBuilder AddLiveGrainsWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var config = builder.Configuration;
        var mode = config["LiveGrains:Mode"] ?? "Embedded";
        var auth = config.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        if (!mode.Equals("Embedded", StringComparison.OrdinalIgnoreCase) && auth.DevSignIn)
        {
            throw new InvalidOperationException($"{AuthOptions.Section}:DevSignIn must be false outside embedded mode: it lets anyone act as any agency.");
        }
        if (!mode.Equals("Embedded", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"LiveGrains:Mode '{mode}' is not supported by this build; use 'Embedded'.");
        }

        var ports = config.GetSection(SiloPortOptions.Section).Get<SiloPortOptions>() ?? new SiloPortOptions();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(ports.SiloPort, ports.GatewayPort)
            .AddLiveGrainsInMemory(config));

        builder.Services.ConfigureHttpJsonOptions(o => LiveJson.Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddSignalR().AddJsonProtocol(o => LiveJson.Configure(o.PayloadSerializerOptions));
        builder.Services.AddSingleton<LiveFeedSubscriptions>();
        var ingest = config.GetSection(IngestOptions.Section).Get<IngestOptions>() ?? new IngestOptions();
        builder.Services.Configure<IngestOptions>(config.GetSection(IngestOptions.Section));
        builder.Services.AddIngestRateLimit(ingest);
        builder.Services.AddLiveGrainsAuth(config);
        builder.Services.AddLiveGrainsObservability(config);
        builder.Services.AddOpenApi();
        builder.Services.Configure<SimulationOptions>(config.GetSection(SimulationOptions.Section));
        builder.Services.AddHostedService<DemoSimulator>();
        return builder;
    }

    /// <summary>Error handling and static files (demo product images).</summary>
    public static WebApplication UseLiveGrainsWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            // Printed, not only logged: it is the first thing a newcomer running the demo looks for.
            foreach (var url in app.Urls) Console.WriteLine($"LiveGrains dashboard: {url}");
        });
        return app;
    }
}
