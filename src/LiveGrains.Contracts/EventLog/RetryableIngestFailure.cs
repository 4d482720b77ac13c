namespace LiveGrains.Contracts.EventLog;

/// <summary>
/// Which ingest failures a producer should simply retry (same event ids): the event log or grain storage is
/// unreachable, or the silo that hosted a LIVE went away mid-call. Either way nothing unacknowledged counts, and a retry is deduped.
/// </summary>
public static class RetryableIngestFailure
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>True when <paramref name="exception"/> (or one it wraps) is retryable; <paramref name="retryAfter"/> says when.</summary>
    public static bool Is(Exception exception, out TimeSpan retryAfter)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case IngestUnavailableException unavailable:
                    retryAfter = unavailable.RetryAfter;
                    return true;
                // DbException: a grain's storage failed (typically while it activated); see StorageExceptionSerialization.
                case SiloUnavailableException or OrleansMessageRejectionException or GatewayTooBusyException or TimeoutException
                    or System.Data.Common.DbException:
                    retryAfter = DefaultRetryAfter;
                    return true;
            }
        }
        retryAfter = default;
        return false;
    }
}
