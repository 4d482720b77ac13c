using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Metrics;

namespace LiveGrains.Web.Apis;

/// <summary>The metric catalog: names, definitions ("?" text), units and formats, read by the dashboard and exports.</summary>
public static class CatalogApi
{
    /// <summary>Catalog response.</summary>
    /// <param name="Metrics">Every metric.</param>
    /// <param name="MaxChosenMetrics">Most metrics on a card or in the list.</param>
    /// <param name="EventTypes">Wire names of the accepted event types.</param>
    public sealed record CatalogResponse(IReadOnlyList<MetricDefinition> Metrics, int MaxChosenMetrics, IReadOnlyList<string> EventTypes);

    /// <summary>Maps <c>GET /api/metrics</c>.</summary>
    public static void MapCatalogApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/metrics", () => TypedResults.Ok(new CatalogResponse(MetricCatalog.All, MetricCatalog.MaxChosenMetrics, EventTypes.Names)))
            .WithName("GetMetricCatalog").WithSummary("The metric catalog").WithTags("Catalog");
}
