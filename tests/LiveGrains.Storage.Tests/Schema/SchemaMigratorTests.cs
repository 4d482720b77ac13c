using LiveGrains.Storage.Schema;
using LiveGrains.Storage.Tests.Support;

namespace LiveGrains.Storage.Tests.Schema;

public sealed class SchemaMigratorTests : IAsyncLifetime
{
    private readonly PostgresDatabase _db = new();

    public ValueTask InitializeAsync() => _db.InitializeAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public void Migrations_are_numbered_without_gaps()
    {
        SchemaMigrator.Migrations.Select(m => m.Version).ShouldBe(Enumerable.Range(1, SchemaMigrator.Migrations.Count));
    }

    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_a_rerun_applies_nothing()
    {
        PostgresDatabase.SkipUnlessConfigured();
        var migrator = new SchemaMigrator(_db.DataSource);

        (await migrator.MigrateAsync(TestContext.Current.CancellationToken)).ShouldBe(SchemaMigrator.Migrations.Select(m => m.Version));
        (await migrator.MigrateAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Two_processes_migrating_at_once_apply_each_migration_once()
    {
        PostgresDatabase.SkipUnlessConfigured();
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => new SchemaMigrator(_db.DataSource).MigrateAsync(TestContext.Current.CancellationToken)));

        runs.SelectMany(r => r).Order().ShouldBe(SchemaMigrator.Migrations.Select(m => m.Version));
        await using var count = _db.DataSource.CreateCommand("SELECT count(*) FROM schema_migrations");
        ((long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).ShouldBe(SchemaMigrator.Migrations.Count);
    }
}
