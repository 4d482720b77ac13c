using System.Net;
using System.Net.Sockets;
using LiveGrains.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LiveGrains.Grains.Tests.Hosting;

public sealed class LiveGrainsOptionsTests
{
    [Fact]
    public async Task A_dedupe_window_under_two_seconds_stops_the_silo_with_a_message_naming_the_setting()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{LiveGrainsOptions.Section}:DedupeWindow"] = "00:00:01" })
            .Build();
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo => silo.UseLocalhostClustering(FreePort(), FreePort()).AddLiveGrainsSingleProcess(configuration));
        using var host = builder.Build();

        var failure = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        failure.Message.ShouldContain("LiveGrains:Grains:DedupeWindow must be at least 2 seconds");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
