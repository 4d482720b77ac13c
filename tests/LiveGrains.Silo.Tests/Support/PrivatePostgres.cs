using System.Diagnostics;
using Npgsql;

namespace LiveGrains.Silo.Tests.Support;

/// <summary>
/// A Postgres server of the test's own (initdb into a temporary folder, run as the <c>postgres</c> user on a free
/// loopback port), so a test may stop and restart it without disturbing the shared one. Needs root, as the test
/// script runs; skipped otherwise.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _dir;

    private PrivatePostgres(string bin, string dir, int port)
    {
        _bin = bin;
        _dir = dir;
        Port = port;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres", Timeout = 3, CommandTimeout = 30,
        }.ConnectionString;
    }

    /// <summary>Its port.</summary>
    public int Port { get; }

    /// <summary>Connection string of its <c>postgres</c> database.</summary>
    public string ConnectionString { get; }

    /// <summary>Skips the test unless this machine can run a private server (root, and Postgres binaries).</summary>
    public static void SkipUnlessAvailable() =>
        Assert.SkipWhen(FindBin() is null || Environment.UserName != "root",
            "a private Postgres needs root and the Postgres server binaries (scripts/test.sh runs as root and installs them)");

    /// <summary>Creates and starts a server.</summary>
    public static async Task<PrivatePostgres> StartAsync(CancellationToken cancellationToken)
    {
        var bin = FindBin() ?? throw new InvalidOperationException("Postgres server binaries not found under /usr/lib/postgresql");
        var dir = Directory.CreateTempSubdirectory("livegrains-private-pg-").FullName;
        await Run("chown", ["postgres", dir], cancellationToken);
        var server = new PrivatePostgres(bin, dir, LoopbackPorts.Free());
        await server.AsPostgres($"'{bin}/initdb' -D '{dir}/data' -A trust -U postgres --no-sync", cancellationToken);
        await server.StartAgainAsync(cancellationToken);
        return server;
    }

    /// <summary>Stops the server the way an outage does: connections are cut.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => AsPostgres($"'{_bin}/pg_ctl' -D '{_dir}/data' -m fast -w stop", cancellationToken);

    /// <summary>Starts the stopped server again on the same port with the same data.</summary>
    public Task StartAgainAsync(CancellationToken cancellationToken) =>
        AsPostgres($"'{_bin}/pg_ctl' -D '{_dir}/data' -l '{_dir}/server.log' -w -o \"-p {Port} -k '{_dir}' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start",
            cancellationToken);

    /// <summary>Stops the server and deletes its data.</summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await AsPostgres($"'{_bin}/pg_ctl' -D '{_dir}/data' -m immediate stop", CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        Directory.Delete(_dir, recursive: true);
    }

    private static string? FindBin() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderBy(b => b, StringComparer.Ordinal).LastOrDefault()
            : null;

    private Task AsPostgres(string command, CancellationToken cancellationToken) => Run("su", ["postgres", "-s", "/bin/sh", "-c", command], cancellationToken);

    private static async Task Run(string file, string[] args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {await output}{await error}");
    }
}
