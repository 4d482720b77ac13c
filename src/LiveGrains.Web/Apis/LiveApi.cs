using LiveGrains.Web.Hubs;
using LiveGrains.Web.Observability;
using Scalar.AspNetCore;

namespace LiveGrains.Web.Apis;

/// <summary>The route table of the product: one group per capability.</summary>
public static class LiveApi
{
    /// <summary>Maps every API route.</summary>
    public static WebApplication MapLiveApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapCatalogApi();
        app.MapOngoingApi();
        app.MapPreferencesApi();
        app.MapLivesApi();
        app.MapHistoryApi();
        app.MapExportApi();
        app.MapIngestApi();
        app.MapAdminApi();
        app.MapDevSignInApi();
        app.MapHub<LiveHub>("/hubs/live");
        app.MapLiveGrainsProbes();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/docs").AllowAnonymous();
        // The dashboard is a single-page app built into wwwroot/app; its client-side routes fall back to its index.
        app.MapFallbackToFile("app/index.html").AllowAnonymous();
        return app;
    }
}
