using System.Net;
using System.Net.Sockets;

namespace LiveGrains.Silo.Tests.Support;

/// <summary>Free loopback ports, so topologies of parallel test runs never collide.</summary>
public static class LoopbackPorts
{
    /// <summary>A port nobody listened on a moment ago (the OS hands out ephemeral ports in turn, so reuse soon after is unlikely).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
