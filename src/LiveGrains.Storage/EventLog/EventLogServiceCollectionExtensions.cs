using LiveGrains.Contracts.EventLog;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiveGrains.Storage.EventLog;

/// <summary>Registers the Postgres event log.</summary>
public static class EventLogServiceCollectionExtensions
{
    /// <summary>
    /// Makes <see cref="PostgresLiveEventLog"/> the silo's <see cref="ILiveEventLog"/>, with options from
    /// <c>LiveGrains:EventLog</c>. Needs an <c>NpgsqlDataSource</c> registered.
    /// </summary>
    public static IServiceCollection AddLiveGrainsEventLog(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var options = services.AddOptions<EventLogOptions>();
        if (configuration is not null) options.Bind(configuration.GetSection(EventLogOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PostgresLiveEventLog>();
        services.Replace(ServiceDescriptor.Singleton<ILiveEventLog>(sp => sp.GetRequiredService<PostgresLiveEventLog>()));
        return services;
    }
}
