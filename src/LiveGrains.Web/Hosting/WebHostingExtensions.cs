using LiveGrains.Contracts.Json;
using LiveGrains.Web.Auth;
using LiveGrains.Web.Hubs;
using LiveGrains.Web.Ingest;
using LiveGrains.Web.Observability;

namespace LiveGrains.Web.Hosting;

/// <summary>Service and pipeline wiring of the web host.</summary>
public static class WebHostingExtensions
{
    /// <summary>Configuration key of the mode.</summary>
    public const string ModeKey = "LiveGrains:Mode";

    /// <summary>
    /// Registers the API, JSON conventions, problem details, auth and observability, and the grain access of the
    /// configured <see cref="LiveGrainsMode"/>: a co-hosted silo (embedded) or an Orleans client (cluster).
    /// </summary>
    public static WebApplicationBuilder AddLiveGrainsWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var config = builder.Configuration;
        var mode = Mode(config);
        var auth = config.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        if (mode != LiveGrainsMode.Embedded && auth.DevSignIn)
        {
            throw new InvalidOperationException($"{AuthOptions.Section}:DevSignIn must be false outside embedded mode: it lets anyone act as any agency. Set LiveGrains__Auth__DevSignIn=false.");
        }
        if (mode == LiveGrainsMode.Embedded) builder.AddLiveGrainsEmbedded();
        else builder.AddLiveGrainsClusterClient(auth);

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

    private static LiveGrainsMode Mode(IConfiguration config)
    {
        var value = config[ModeKey];
        if (string.IsNullOrWhiteSpace(value)) return LiveGrainsMode.Embedded;
        return Enum.TryParse<LiveGrainsMode>(value, ignoreCase: true, out var mode) && Enum.IsDefined(mode)
            ? mode
            : throw new InvalidOperationException($"{ModeKey} '{value}' is not supported; use 'Embedded' or 'Cluster'.");
    }
}
