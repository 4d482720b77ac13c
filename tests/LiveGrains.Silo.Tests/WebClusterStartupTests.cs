using LiveGrains.Silo.Tests.Support;

namespace LiveGrains.Silo.Tests;

/// <summary>The web process in cluster mode refuses unsafe or incomplete configuration at start-up, with the setting's name.</summary>
public sealed class WebClusterStartupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Key = "a-signing-key-of-at-least-32-bytes-for-tests";
    // Never reached: each case fails before connecting (port 9 is discard, and only on loopback).
    private const string Postgres = "Host=127.0.0.1;Port=9;Username=none;Database=none";

    public static TheoryData<string, string?, string?, string, string> Cases() => new()
    {
        { "the development sign-in is on", Postgres, Key, "true", "DevSignIn must be false" },
        { "the connection string is missing", null, Key, "false", "LiveGrains:Cluster:Postgres" },
        { "the signing key is missing", Postgres, null, "false", "LiveGrains:Auth:SigningKey" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Web_in_cluster_mode_refuses_to_start_when(string reason, string? postgres, string? signingKey, string devSignIn, string message)
    {
        var env = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{LoopbackPorts.Free()}",
            ["LiveGrains__Mode"] = "Cluster",
            ["LiveGrains__Auth__DevSignIn"] = devSignIn,
            ["LiveGrains__Cluster__Postgres"] = postgres,
            ["LiveGrains__Auth__SigningKey"] = signingKey,
            ["LiveGrains__Cluster__ClientConnectTimeout"] = "00:00:05",
        };
        await using var web = HostProcess.Start("web", BuiltHosts.WebDll, env);
        (await web.WaitForExitAsync(TimeSpan.FromSeconds(60), Ct)).ShouldBeTrue($"{reason}, yet the web process kept running:\n{web.Output}");
        web.ExitCode.ShouldNotBe(0, reason);
        web.Output.ShouldContain(message, Case.Sensitive, web.Output);
    }
}
