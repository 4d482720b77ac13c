using LiveGrains.Contracts.Directory;
using LiveGrains.Storage.Directory;
using LiveGrains.Storage.Schema;
using LiveGrains.Storage.Tests.Support;

namespace LiveGrains.Storage.Tests.Directory;

public sealed class PostgresDirectoryTests : DirectoryContract, IAsyncLifetime
{
    private readonly PostgresDatabase _db = new();

    public ValueTask InitializeAsync() => _db.InitializeAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    protected override async Task<ICreatorDirectory> Directory()
    {
        PostgresDatabase.SkipUnlessConfigured();
        await new SchemaMigrator(_db.DataSource).MigrateAsync(TestContext.Current.CancellationToken);
        return new PostgresCreatorDirectory(_db.DataSource);
    }
}
