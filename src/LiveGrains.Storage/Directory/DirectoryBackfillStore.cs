using Npgsql;

namespace LiveGrains.Storage.Directory;

/// <summary>
/// The Postgres side of the one-time creator directory backfill (see <see cref="DirectoryBackfillSession"/>): it runs
/// under the advisory lock the schema migrator takes, so silos that start together take turns, and the ones that come
/// after find the backfill recorded in <c>backfills</c> (migration 0007) and skip it.
/// </summary>
public sealed class DirectoryBackfillStore(NpgsqlDataSource dataSource)
{
    /// <summary>The backfill's row in <c>backfills</c>.</summary>
    public const string Name = "creator-directory";

    /// <summary>
    /// Grain states per transaction. A chunk's creator rows stay locked until it commits, so their grains wait that long
    /// to write their state: small enough to be a pause of milliseconds, large enough that round trips do not dominate.
    /// </summary>
    public int ChunkSize { get; init; } = 500;

    /// <summary>
    /// Waits for the lock, then returns a session that holds it, or null (with the lock let go) when the backfill is
    /// already recorded.
    /// </summary>
    public async Task<DirectoryBackfillSession?> BeginAsync(CancellationToken cancellationToken)
    {
        var session = new DirectoryBackfillSession(await dataSource.OpenConnectionAsync(cancellationToken), ChunkSize);
        try
        {
            if (await session.LockAndCheckRecordedAsync(cancellationToken))
            {
                await session.DisposeAsync();
                return null;
            }
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }
}
