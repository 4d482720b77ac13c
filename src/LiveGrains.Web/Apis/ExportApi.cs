using LiveGrains.Contracts.Grains;
using LiveGrains.Contracts.History;
using LiveGrains.Web.Export;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveGrains.Web.Apis;

/// <summary>"Export all LIVE data": the listed LIVEs with the agency's chosen list metrics, as CSV or XLSX.</summary>
public static class ExportApi
{
    /// <summary>Maps <c>GET /api/agencies/{agencyId}/lives/export</c>.</summary>
    public static void MapExportApi(this IEndpointRouteBuilder app) =>
        app.MapAgencyGroup("/lives/export", "All LIVEs").MapGet("/", Export).WithName("ExportLives")
            .WithSummary("Download the completed LIVEs (same filters as the list) with the chosen list metrics, as csv or xlsx");

    private static async Task<Results<EmptyHttpResult, ValidationProblem>> Export(
        string agencyId, string? format, string? creatorId, [AsParameters] HistoryApi.HistoryParameters p,
        IGrainFactory grains, ILiveHistoryStore history, HttpContext http, CancellationToken cancellationToken)
    {
        var kind = (format ?? "csv").Trim().ToLowerInvariant();
        if (kind is not ("csv" or "xlsx")) return ApiResults.Invalid("format", $"'{format}' is not one of: csv, xlsx");
        var query = HistoryApi.ToQuery(agencyId, string.IsNullOrWhiteSpace(creatorId) ? null : creatorId, p with { Page = 1, PageSize = 1 }, out var problem);
        if (query is null) return problem!;

        var columns = ExportColumns.For((await grains.GetGrain<IAgencyGrain>(agencyId).GetPreferences()).ListMetrics);
        var rows = history.StreamAsync(query, cancellationToken);
        var name = $"lives-{agencyId}-{DateTime.UtcNow:yyyyMMdd-HHmm}.{kind}";
        http.Response.ContentType = kind == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        if (kind == "csv") await LiveReportWriter.WriteCsvAsync(http.Response.Body, columns, rows, cancellationToken);
        else await LiveReportWriter.WriteXlsxAsync(http.Response.Body, columns, rows, cancellationToken);
        return TypedResults.Empty;
    }
}
