using System.Diagnostics;
using System.Globalization;
using LiveGrains.Contracts.EventLog;
using LiveGrains.Contracts.Grains;
using LiveGrains.Contracts.Views;
using LiveGrains.Web.Ingest;
using LiveGrains.Web.Observability;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LiveGrains.Web.Apis;

/// <summary><c>POST /api/ingest/events</c>: batches of event envelopes as a JSON array or NDJSON.</summary>
public static class IngestApi
{
    /// <summary>Maps the ingest route.</summary>
    public static void MapIngestApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/ingest/events", Ingest).WithTags("Ingest").WithName("IngestEvents")
            .WithSummary("Ingest events: each item is accepted, a duplicate, or rejected with its position and reason")
            .Accepts<string>("application/json", "application/x-ndjson")
            .RequireAuthorization(Auth.LiveClaims.ServicePolicy)
            .RequireRateLimiting(IngestRateLimit.Policy);

    private static async Task<Results<Ok<IngestResult>, ProblemHttpResult>> Ingest(
        HttpRequest request, IGrainFactory grains, IOptions<IngestOptions> options, LiveMetrics metrics, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var (batch, error) = await IngestRequestReader.ReadAsync(request, options.Value, cancellationToken);
        if (error is not null) return TypedResults.Problem(error.Detail, statusCode: error.StatusCode);

        IngestResult result;
        try
        {
            result = batch!.Events.Count == 0 ? IngestResult.Empty : await grains.IngestAsync(batch.Events);
        }
        catch (Exception ex) when (RetryableIngestFailure.Is(ex, out var retryAfter))
        {
            // Parts of the batch may be durable already; a retry with the same event ids counts them as duplicates.
            metrics.Unavailable(batch!.Events.Count);
            request.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                $"Ingest is temporarily unavailable ({ex.GetBaseException().Message}). None of the {batch.Events.Count} events was acknowledged; retry the batch with the same event ids.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Ingest unavailable");
        }
        var rejected = batch.Rejected
            .Concat(result.Rejected.Select(r => r with { Index = batch.Positions[r.Index] }))
            .OrderBy(r => r.Index)
            .ToList();
        metrics.Ingested(result.Accepted, result.Duplicates, rejected.Count, Stopwatch.GetElapsedTime(started));
        return TypedResults.Ok(new IngestResult(result.Accepted, result.Duplicates, rejected));
    }
}
