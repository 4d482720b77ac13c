using Npgsql;

namespace LiveGrains.Storage.Tests.Support;

/// <summary>
/// A fresh database on the throwaway Postgres that <c>scripts/test.sh</c> starts (connection string in
/// <c>LIVEGRAINS_TEST_POSTGRES</c>), dropped afterwards. Without that variable the Postgres tests are skipped,
/// and the test script always sets it.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public const string Variable = "LIVEGRAINS_TEST_POSTGRES";
    private readonly string _name = $"lg_test_{Guid.NewGuid():N}";
    private NpgsqlDataSource? _dataSource;

    public static string? AdminConnectionString => Environment.GetEnvironmentVariable(Variable);

    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("Postgres is not configured.");

    public static void SkipUnlessConfigured() =>
        Assert.SkipWhen(string.IsNullOrEmpty(AdminConnectionString), $"{Variable} is not set; scripts/test.sh starts a throwaway Postgres and sets it.");

    public async ValueTask InitializeAsync()
    {
        if (string.IsNullOrEmpty(AdminConnectionString)) return;
        await using (var admin = NpgsqlDataSource.Create(AdminConnectionString))
        await using (var create = admin.CreateCommand($"CREATE DATABASE {_name}"))
        {
            await create.ExecuteNonQueryAsync();
        }
        _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = _name }.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is null) return;
        await _dataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = NpgsqlDataSource.Create(AdminConnectionString!);
        await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
        await drop.ExecuteNonQueryAsync();
    }
}
