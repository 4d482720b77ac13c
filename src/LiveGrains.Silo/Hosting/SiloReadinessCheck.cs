using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace LiveGrains.Silo.Hosting;

/// <summary>
/// Ready when this silo's membership status is Active (it joined the cluster and takes grain calls) and Postgres
/// answers within a few seconds: a silo that cannot reach its grain storage should not get new work.
/// </summary>
public sealed class SiloReadinessCheck(ISiloStatusOracle membership, NpgsqlDataSource postgres) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentStatus;
        if (status != SiloStatus.Active) return HealthCheckResult.Unhealthy($"The silo is {status}, not Active.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var command = postgres.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return HealthCheckResult.Unhealthy("Postgres did not answer.", ex);
        }
        return HealthCheckResult.Healthy($"Silo {membership.SiloAddress} is Active.");
    }
}
