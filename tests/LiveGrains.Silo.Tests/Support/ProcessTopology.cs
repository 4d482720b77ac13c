using System.Security.Cryptography;

namespace LiveGrains.Silo.Tests.Support;

/// <summary>
/// The cluster-mode topology as local processes on one Postgres database: the schema applied by
/// <c>LiveGrains.Silo.dll --migrate-only</c>, N silo processes and one web process, all on free loopback ports with a
/// cluster id of their own. Disposing kills every process.
/// </summary>
public sealed class ProcessTopology : IAsyncDisposable
{
    /// <summary>Bound on each host becoming ready (2 shared cores: a cold start takes seconds, not minutes).</summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    private ProcessTopology(IReadOnlyDictionary<string, string?> environment, string signingKey, IReadOnlyList<SiloProcess> silos)
    {
        Environment = environment;
        SigningKey = signingKey;
        Silos = silos;
    }

    /// <summary>The environment every host gets (connection string, cluster identity, extras).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    /// <summary>The web process's signing key.</summary>
    public string SigningKey { get; }

    /// <summary>The silos, in start order.</summary>
    public IReadOnlyList<SiloProcess> Silos { get; }

    /// <summary>The web process (null until started).</summary>
    public WebProcess? Web { get; private set; }

    /// <summary>
    /// Migrates, starts <paramref name="silos"/> silos side by side, then the web process, each waited for on
    /// <c>/readyz</c>. <paramref name="extraEnvironment"/> goes to every host (e.g. faster membership settings for crash tests).
    /// </summary>
    public static async Task<ProcessTopology> StartAsync(string connectionString, int silos, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? extraEnvironment = null)
    {
        var clusterId = $"lg-proc-{Guid.NewGuid():N}"[..20];
        var env = new Dictionary<string, string?>(extraEnvironment ?? new Dictionary<string, string?>())
        {
            ["LiveGrains__Cluster__Postgres"] = connectionString,
            ["LiveGrains__Cluster__ClusterId"] = clusterId,
            ["LiveGrains__Cluster__ServiceId"] = clusterId,
            ["LiveGrains__Grains__TickInterval"] = "00:00:00.200",
            ["LiveGrains__Cluster__ClientConnectTimeout"] = "00:01:00",
        };
        var topology = new ProcessTopology(env, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            [.. Enumerable.Range(1, silos).Select(i => new SiloProcess($"silo-{i}", env))]);
        try
        {
            await using (var migrate = HostProcess.Start("migrate", BuiltHosts.SiloDll, env, Hosting.SiloCommandLine.MigrateOnly))
            {
                if (!await migrate.WaitForExitAsync(ReadyTimeout, cancellationToken) || migrate.ExitCode != 0)
                {
                    throw new InvalidOperationException($"--migrate-only did not succeed:\n{migrate.Output}");
                }
            }
            await Task.WhenAll(topology.Silos.Select(s => s.StartAsync(ReadyTimeout, cancellationToken)));
            topology.Web = await WebProcess.StartAsync("web", env, topology.SigningKey, ReadyTimeout, cancellationToken);
            return topology;
        }
        catch
        {
            await topology.DisposeAsync();
            throw;
        }
    }

    /// <summary>Output of every host, for a failing assertion's message.</summary>
    public string Output() => string.Join("\n\n", Silos.Select(s => s.Process).Append(Web?.Process).OfType<HostProcess>().Select(p => $"== {p.Name}\n{p.Output}"));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // Kill in parallel: a silo's graceful shutdown is not what disposal is for, and each kill is bounded.
        var kills = Silos.Select(s => s.DisposeAsync().AsTask()).ToList();
        if (Web is not null) kills.Add(Web.DisposeAsync().AsTask());
        await Task.WhenAll(kills);
    }
}
