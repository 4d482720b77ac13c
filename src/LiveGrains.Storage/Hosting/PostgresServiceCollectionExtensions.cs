using LiveGrains.Contracts.Directory;
using LiveGrains.Contracts.History;
using LiveGrains.Storage.Directory;
using LiveGrains.Storage.History;
using LiveGrains.Storage.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace LiveGrains.Storage.Hosting;

/// <summary>Registers LiveGrains' Postgres services for any host (silo or web client).</summary>
public static class PostgresServiceCollectionExtensions
{
    /// <summary>The ADO.NET invariant name of Npgsql, for Orleans' ADO.NET providers.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>Registers the data source, the migrator, the Postgres history store and creator directory, and the directory backfill's store.</summary>
    public static IServiceCollection AddLiveGrainsPostgres(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.TryAddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.TryAddSingleton<SchemaMigrator>();
        services.TryAddSingleton<ILiveHistoryStore, PostgresLiveHistoryStore>();
        services.TryAddSingleton<ICreatorDirectory, PostgresCreatorDirectory>();
        services.TryAddSingleton<DirectoryBackfillStore>();
        return services;
    }
}
