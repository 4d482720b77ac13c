using System.Globalization;
using System.Net.Http.Headers;
using LiveGrains.Web.Auth;
using Microsoft.Extensions.Options;

namespace LiveGrains.Silo.Tests.Support;

/// <summary>A web process (<c>dotnet LiveGrains.Web.dll</c>) in cluster or embedded mode on a loopback port, and tokens it accepts.</summary>
public sealed class WebProcess : IAsyncDisposable
{
    private readonly TokenIssuer _tokens;

    private WebProcess(HostProcess process, int port, string signingKey)
    {
        Process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        // The same issuer class and key as the process, so its tokens are exactly what the web host checks.
        _tokens = new TokenIssuer(Options.Create(new AuthOptions { SigningKey = signingKey, DevSignIn = false }));
    }

    /// <summary>The process.</summary>
    public HostProcess Process { get; }

    /// <summary>HTTP port.</summary>
    public int Port { get; }

    /// <summary>Root URL.</summary>
    public Uri BaseAddress { get; }

    /// <summary>
    /// Starts the web host with <paramref name="environment"/> (cluster settings and signing key) and waits for
    /// <c>/readyz</c> (the cluster answers a grain call and Postgres a query).
    /// </summary>
    public static Task<WebProcess> StartAsync(string name, IReadOnlyDictionary<string, string?> environment, string signingKey, TimeSpan readyTimeout, CancellationToken cancellationToken) =>
        LaunchAsync(name, new Dictionary<string, string?>(environment)
        {
            ["LiveGrains__Mode"] = "Cluster",
            ["LiveGrains__Auth__DevSignIn"] = "false",
        }, signingKey, readyTimeout, cancellationToken);

    /// <summary>
    /// Starts the web host in embedded mode (its own silo on free ports, in-memory storage), without the demo simulator, so
    /// that everything it holds comes from the test; waits for <c>/readyz</c>.
    /// </summary>
    public static Task<WebProcess> StartEmbeddedAsync(string name, string signingKey, TimeSpan readyTimeout, CancellationToken cancellationToken) =>
        LaunchAsync(name, new Dictionary<string, string?>
        {
            ["LiveGrains__Mode"] = "Embedded",
            ["LiveGrains__Demo__Enabled"] = "false",
            ["LiveGrains__Silo__SiloPort"] = LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture),
            ["LiveGrains__Silo__GatewayPort"] = LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture),
        }, signingKey, readyTimeout, cancellationToken);

    private static async Task<WebProcess> LaunchAsync(string name, Dictionary<string, string?> env, string signingKey, TimeSpan readyTimeout, CancellationToken cancellationToken)
    {
        var port = LoopbackPorts.Free();
        env["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        env["LiveGrains__Auth__SigningKey"] = signingKey;
        var web = new WebProcess(HostProcess.Start(name, BuiltHosts.WebDll, env), port, signingKey);
        try
        {
            await Readiness.WaitAsync(web.Process, port, readyTimeout, cancellationToken);
            return web;
        }
        catch
        {
            await web.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client with an internal-service token (ingest, admin, any agency).</summary>
    public HttpClient ServiceClient() => Client(_tokens.ForService("process-tests"));

    /// <summary>A client with an agency-staff token.</summary>
    public HttpClient AgencyClient(string agencyId) => Client(AgencyToken(agencyId));

    /// <summary>An agency-staff token (for the SignalR hub).</summary>
    public string AgencyToken(string agencyId) => _tokens.ForAgency(agencyId);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Process.DisposeAsync();

    private HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
