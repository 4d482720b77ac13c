using System.Data.Common;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace LiveGrains.Storage.Hosting;

/// <summary>
/// Cluster-mode settings shared by silos and web clients (section <c>LiveGrains:Cluster</c>, or environment
/// variables such as <c>LiveGrains__Cluster__Postgres</c>). Silos and clients find each other only when
/// <see cref="ClusterId"/> and <see cref="ServiceId"/> match, so both hosts read them from here.
/// </summary>
public sealed class ClusterSettings
{
    /// <summary>Configuration section.</summary>
    public const string Section = "LiveGrains:Cluster";

    /// <summary>Npgsql connection string of the cluster's Postgres (membership, grain state, history).</summary>
    public string? Postgres { get; set; }

    /// <summary>
    /// Most connections each Postgres pool of this process opens (Orleans' providers share one, LiveGrains' data source
    /// has another), unless <see cref="Postgres"/> sets Maximum Pool Size itself. At Npgsql's default of 100 a pool, two
    /// silos and a web process could ask for six times what a default Postgres allows (100), and a burst of grain
    /// activations did: writes failed with "too many clients". Past the cap, a query waits for a free connection.
    /// </summary>
    public int PostgresPoolSize { get; set; } = 16;

    /// <summary>Orleans cluster id: silos and clients with the same id form one cluster.</summary>
    public string ClusterId { get; set; } = "livegrains";

    /// <summary>Orleans service id: keys grain state, so it must stay the same across deployments.</summary>
    public string ServiceId { get; set; } = "livegrains";

    /// <summary>Silo-to-silo port (silos only).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port (silos only).</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// Address other silos and clients use to reach this silo (silos only; defaults to loopback for local topologies):
    /// an IP address, or a host name resolved at start-up (a Docker Compose service name).
    /// </summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Port of the silo's HTTP probes <c>/healthz</c> and <c>/readyz</c> (silos only).</summary>
    public int HealthPort { get; set; } = 8081;

    /// <summary>
    /// Turns on Orleans' Kubernetes hosting (silos only): silo name from the pod, and silos whose pods are gone
    /// are declared dead at once instead of after missed probes. Needs the pod environment and RBAC of
    /// <c>deploy/k8s</c>, so it is off for local processes and Docker Compose.
    /// </summary>
    public bool Kubernetes { get; set; }

    /// <summary>How long a web process keeps trying its first connection to the cluster before it fails to start (clients only).</summary>
    public TimeSpan ClientConnectTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Reads the section from <paramref name="configuration"/>, defaults where it is silent.</summary>
    public static ClusterSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(Section).Get<ClusterSettings>() ?? new ClusterSettings();
    }

    /// <summary><see cref="AdvertisedAddress"/> as an IP address; a host name resolves to its IPv4 address when it has one.</summary>
    public IPAddress AdvertisedIPAddress()
    {
        if (IPAddress.TryParse(AdvertisedAddress, out var address)) return address;
        // Membership stores addresses, not names, so the name is resolved once, here.
        return Dns.GetHostAddresses(AdvertisedAddress).OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1).FirstOrDefault()
            ?? throw new InvalidOperationException($"{Section}:AdvertisedAddress '{AdvertisedAddress}' resolves to no address.");
    }

    /// <summary>The connection string with <see cref="PostgresPoolSize"/> applied, or a clear error naming the setting that is wrong.</summary>
    public string RequirePostgres()
    {
        if (string.IsNullOrWhiteSpace(Postgres))
            throw new InvalidOperationException($"{Section}:Postgres (env LiveGrains__Cluster__Postgres) is required in cluster mode.");
        if (PostgresPoolSize < 1)
            throw new InvalidOperationException($"{Section}:PostgresPoolSize must be at least 1 (got {PostgresPoolSize}).");
        // An operator's own pool size wins, under either of its spellings (keys as written, not Npgsql's full list).
        var given = new DbConnectionStringBuilder { ConnectionString = Postgres }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal));
        if (given.Any(k => k.Equals("MaxPoolSize", StringComparison.OrdinalIgnoreCase) || k.Equals("MaximumPoolSize", StringComparison.OrdinalIgnoreCase)))
            return Postgres;
        return new NpgsqlConnectionStringBuilder(Postgres) { MaxPoolSize = PostgresPoolSize }.ConnectionString;
    }
}
