using LiveGrains.Storage.Hosting;

namespace LiveGrains.Web.Hosting;

/// <summary>
/// Keeps the first connection to the cluster trying for <see cref="ClusterSettings.ClientConnectTimeout"/>: web
/// processes often start before any silo is Active (compose, rollouts). Past it the host fails to start, so an
/// orchestrator restarts it instead of it serving a cluster it cannot reach. Later disconnections are handled by
/// the client itself (it reconnects to gateways as they come back).
/// </summary>
public sealed partial class ClusterConnectionRetry(ClusterSettings settings, TimeProvider clock, ILogger<ClusterConnectionRetry> logger)
    : IClientConnectionRetryFilter
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);
    private readonly DateTimeOffset _giveUpAt = clock.GetUtcNow() + settings.ClientConnectTimeout;
    private int _attempt;

    /// <inheritdoc />
    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempt);
        if (clock.GetUtcNow() >= _giveUpAt)
        {
            LogGaveUp(logger, exception, attempt, settings.ClientConnectTimeout);
            return false;
        }
        LogRetrying(logger, attempt, exception.Message);
        await Task.Delay(Pause, clock, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster not reachable yet (attempt {Attempt}): {Reason}; retrying")]
    private static partial void LogRetrying(ILogger logger, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up connecting to the cluster after {Attempt} attempts over {Timeout}")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, int attempt, TimeSpan timeout);
}
