using LiveGrains.Contracts.History;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiveGrains.Web.Observability;

/// <summary>Ready when the cluster answers a grain call and the history store answers a query, each within a few seconds.</summary>
public sealed class ReadinessCheck(IGrainFactory grains, ILiveHistoryStore history) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(timeout.Token);
            if (hosts.Count == 0) return HealthCheckResult.Unhealthy("No active silo in the cluster.");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return HealthCheckResult.Unhealthy("The cluster did not answer.", ex);
        }
        try
        {
            await history.QueryAsync(new HistoryQuery("readiness-probe", PageSize: 1), timeout.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return HealthCheckResult.Unhealthy("The history store did not answer.", ex);
        }
        return HealthCheckResult.Healthy();
    }
}
