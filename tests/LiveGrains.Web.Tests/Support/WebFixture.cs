using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using System.Net.Http.Headers;
using LiveGrains.Web.Auth;
using LiveGrains.Contracts.EventLog;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LiveGrains.Web.Tests.Support;

/// <summary>The real app with its co-hosted silo, demo off, on free loopback ports so test runs never collide.</summary>
public sealed class WebFixture : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("LiveGrains:Demo:Enabled", "false");
        builder.UseSetting("LiveGrains:Silo:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("LiveGrains:Silo:GatewayPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("LiveGrains:Ingest:MaxBodyBytes", "200000");
        builder.UseSetting("LiveGrains:Ingest:MaxEvents", "500");
        builder.UseSetting("LiveGrains:Grains:TickInterval", "00:00:00.100");
        builder.ConfigureTestServices(services => services.AddSingleton<ILiveEventLog>(EventLog));
    }

    /// <summary>The silo's event log; tests switch it off per LIVE.</summary>
    public SwitchableEventLog EventLog { get; } = new();

    /// <summary>A client carrying a token of agency staff of <paramref name="agencyId"/>.</summary>
    public HttpClient AgencyClient(string agencyId) => WithToken(Services.GetRequiredService<TokenIssuer>().ForAgency(agencyId));

    /// <summary>A client carrying an internal-service token.</summary>
    public HttpClient ServiceClient() => WithToken(ServiceToken());

    /// <summary>An internal-service token.</summary>
    public string ServiceToken() => Services.GetRequiredService<TokenIssuer>().ForService("tests");

    /// <summary>A token of agency staff.</summary>
    public string AgencyToken(string agencyId) => Services.GetRequiredService<TokenIssuer>().ForAgency(agencyId);

    private HttpClient WithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "web";
}
