using LiveGrains.Contracts.History;
using LiveGrains.Storage.History;
using LiveGrains.Storage.Schema;
using LiveGrains.Storage.Tests.Support;

namespace LiveGrains.Storage.Tests.History;

public sealed class PostgresHistoryStoreTests : HistoryStoreContract, IAsyncLifetime
{
    private readonly PostgresDatabase _db = new();

    public ValueTask InitializeAsync() => _db.InitializeAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    protected override async Task<ILiveHistoryStore> Store()
    {
        PostgresDatabase.SkipUnlessConfigured();
        await new SchemaMigrator(_db.DataSource).MigrateAsync(TestContext.Current.CancellationToken);
        return new PostgresLiveHistoryStore(_db.DataSource);
    }
}
