using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace LiveGrains.Contracts.EventLog;

/// <summary>
/// Lets Orleans carry the Postgres driver's exceptions between silos and clients. Without it, a grain activation
/// that fails on storage reaches its caller as a codec error instead of the database error, and callers cannot tell
/// that retrying is right. Register it on silos and on clients.
/// </summary>
public static class StorageExceptionSerialization
{
    /// <summary>Adds the driver's namespace to the exception serializer's allowed prefixes.</summary>
    public static IServiceCollection AddStorageExceptionSerialization(this IServiceCollection services) =>
        services.Configure<ExceptionSerializationOptions>(o =>
        {
            if (!o.SupportedNamespacePrefixes.Contains("Npgsql")) o.SupportedNamespacePrefixes.Add("Npgsql");
        });
}
