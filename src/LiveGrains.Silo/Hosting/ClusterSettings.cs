namespace LiveGrains.Silo.Hosting;

/// <summary>Cluster-mode settings shared by silos and web clients (section <c>LiveGrains:Cluster</c>).</summary>
public sealed class ClusterSettings
{
    /// <summary>Configuration section.</summary>
    public const string Section = "LiveGrains:Cluster";

    /// <summary>Npgsql connection string of the cluster's Postgres (membership, grain state, history).</summary>
    public string? Postgres { get; set; }

    /// <summary>Orleans cluster id: silos and clients with the same id form one cluster.</summary>
    public string ClusterId { get; set; } = "livegrains";

    /// <summary>Orleans service id: keys grain state, so it must stay the same across deployments.</summary>
    public string ServiceId { get; set; } = "livegrains";

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Address other silos and clients use to reach this silo (defaults to loopback for local topologies).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>The connection string, or a clear error naming the setting.</summary>
    public string RequirePostgres() => string.IsNullOrWhiteSpace(Postgres)
        ? throw new InvalidOperationException($"{Section}:Postgres (env LiveGrains__Cluster__Postgres) is required in cluster mode.")
        : Postgres;
}
