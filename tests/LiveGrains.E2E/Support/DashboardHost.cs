using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using LiveGrains.Web.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveGrains.E2E.Support;

/// <summary>
/// The real web host on a real Kestrel loopback port (a browser cannot reach the in-memory test server), with the
/// demo simulator off so every number on screen comes from events these tests ingest.
/// </summary>
public sealed class DashboardHost : WebApplicationFactory<Program>
{
    private readonly int _port = FreePort();

    public DashboardHost() => UseKestrel(_port);

    public Uri BaseAddress => new($"http://localhost:{_port}/");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("LiveGrains:Demo:Enabled", "false");
        builder.UseSetting("LiveGrains:Silo:SiloPort", FreePort().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("LiveGrains:Silo:GatewayPort", FreePort().ToString(CultureInfo.InvariantCulture));
        // Cards reach the browser one tick after an event; a short tick keeps the live-update tests quick.
        builder.UseSetting("LiveGrains:Grains:TickInterval", "00:00:00.200");
    }

    /// <summary>A client with an internal-service token: it may ingest and call the admin routes.</summary>
    public HttpClient ServiceClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        var token = Services.GetRequiredService<TokenIssuer>().ForService("e2e");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task Ingest(HttpClient client, IEnumerable<string> events)
    {
        using var body = new StringContent(string.Join('\n', events), Encoding.UTF8, "application/x-ndjson");
        using var response = await client.PostAsync(new Uri("/api/ingest/events", UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || text.Contains("\"rejected\":[{", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Ingest failed: {(int)response.StatusCode} {text}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
