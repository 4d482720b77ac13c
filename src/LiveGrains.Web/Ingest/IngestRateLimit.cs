using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace LiveGrains.Web.Ingest;

/// <summary>Per-token rate limit of the ingest endpoint: a token bucket per caller, a problem with Retry-After past it.</summary>
public static class IngestRateLimit
{
    /// <summary>Policy name.</summary>
    public const string Policy = "ingest";

    /// <summary>Registers the limiter with the requests per second (and burst) from <see cref="IngestOptions"/>.</summary>
    public static IServiceCollection AddIngestRateLimit(this IServiceCollection services, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, http => RateLimitPartition.GetTokenBucketLimiter(
                http.User.Identity?.Name ?? http.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.BurstRequests,
                    TokensPerPeriod = options.RequestsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = "1";
                await TypedResults.Problem(
                    $"Ingest is limited to {options.RequestsPerSecond.ToString(CultureInfo.InvariantCulture)} requests a second per token (bursts of {options.BurstRequests.ToString(CultureInfo.InvariantCulture)}); retry after a second with the same event ids.",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
            };
        });
    }
}
