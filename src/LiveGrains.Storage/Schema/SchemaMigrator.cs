using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace LiveGrains.Storage.Schema;

/// <summary>
/// Applies the numbered SQL migrations embedded in this assembly, each once, in order, in its own
/// transaction. A session-level advisory lock makes concurrent start-ups (two silos at once) take turns;
/// a migration whose text changed after it was applied is reported, not silently re-run.
/// </summary>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Key of the session-level advisory lock held while migrating; one-time backfills hold it too, so they never run
    /// beside a migration or each other. Any fixed 64-bit number works; it only has to be the same for every LiveGrains process.
    /// </summary>
    public const long LockKey = 0x4C69766547726169;
    private const string ResourcePrefix = "LiveGrains.Storage.Migrations.";

    /// <summary>The embedded migrations, ordered by their number.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Migrations { get; } = Load();

    /// <summary>Applies what is missing; returns the versions applied by this call.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await Execute(connection, $"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await Execute(connection, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer     PRIMARY KEY,
                    name       text        NOT NULL,
                    checksum   text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, cancellationToken);
            var applied = new Dictionary<int, string>();
            await using (var read = new NpgsqlCommand("SELECT version, checksum FROM schema_migrations", connection))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken)) applied[reader.GetInt32(0)] = reader.GetString(1);
            }

            var done = new List<int>();
            foreach (var (version, name, sql) in Migrations)
            {
                var checksum = Checksum(sql);
                if (applied.TryGetValue(version, out var existing))
                {
                    if (existing != checksum)
                        throw new InvalidOperationException($"Migration {version} ({name}) changed after it was applied; add a new migration instead.");
                    continue;
                }
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var apply = new NpgsqlCommand(sql, connection, transaction)) await apply.ExecuteNonQueryAsync(cancellationToken);
                await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name, checksum) VALUES (@v, @n, @c)", connection, transaction))
                {
                    record.Parameters.AddWithValue("v", version);
                    record.Parameters.AddWithValue("n", name);
                    record.Parameters.AddWithValue("c", checksum);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                done.Add(version);
            }
            return done;
        }
        finally
        {
            await Execute(connection, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Checksum(string sql) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));

    private static List<(int, string, string)> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[ResourcePrefix.Length..^4];
                var version = int.Parse(file[..file.IndexOf('_', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (version, file, reader.ReadToEnd());
            })
            .OrderBy(m => m.version)
            .ToList();
    }
}
