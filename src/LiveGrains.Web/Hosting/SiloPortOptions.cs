namespace LiveGrains.Web.Hosting;

/// <summary>Ports of the co-hosted silo in embedded mode (section <c>LiveGrains:Silo</c>).</summary>
public sealed class SiloPortOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "LiveGrains:Silo";

    /// <summary>Silo-to-silo port on loopback.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port on loopback.</summary>
    public int GatewayPort { get; set; } = 30000;
}
