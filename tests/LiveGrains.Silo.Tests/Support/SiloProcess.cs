namespace LiveGrains.Silo.Tests.Support;

/// <summary>
/// A silo process (<c>dotnet LiveGrains.Silo.dll</c>) on fixed loopback ports: it can be SIGKILLed and started again on
/// the same ports, as a crashed silo restarted by its orchestrator would be.
/// </summary>
public sealed class SiloProcess(string name, IReadOnlyDictionary<string, string?> environment) : IAsyncDisposable
{
    private HostProcess? _process;

    /// <summary>Name in messages.</summary>
    public string Name => name;

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; } = LoopbackPorts.Free();

    /// <summary>Gateway port (clients).</summary>
    public int GatewayPort { get; } = LoopbackPorts.Free();

    /// <summary>Port of <c>/healthz</c> and <c>/readyz</c>.</summary>
    public int HealthPort { get; } = LoopbackPorts.Free();

    /// <summary>The current process (null before the first start).</summary>
    public HostProcess? Process => _process;

    /// <summary>Whether a started process is still running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts the process (again, after a kill) and waits until <c>/readyz</c> says it is Active.</summary>
    public async Task StartAsync(TimeSpan readyTimeout, CancellationToken cancellationToken)
    {
        if (IsRunning) throw new InvalidOperationException($"{name} is already running.");
        if (_process is not null) await _process.DisposeAsync();
        var env = new Dictionary<string, string?>(environment)
        {
            ["LiveGrains__Cluster__SiloPort"] = Text(SiloPort),
            ["LiveGrains__Cluster__GatewayPort"] = Text(GatewayPort),
            ["LiveGrains__Cluster__HealthPort"] = Text(HealthPort),
            ["LiveGrains__Cluster__AdvertisedAddress"] = "127.0.0.1",
        };
        _process = HostProcess.Start(name, BuiltHosts.SiloDll, env);
        await Readiness.WaitAsync(_process, HealthPort, readyTimeout, cancellationToken);
    }

    /// <summary>SIGKILL: no graceful shutdown, the cluster finds out through missed probes.</summary>
    public Task KillAsync() => _process?.KillAsync() ?? Task.CompletedTask;

    /// <summary>SIGTERM with a grace period (graceful leave), SIGKILL after it.</summary>
    public Task StopAsync(TimeSpan grace) => _process?.StopAsync(grace) ?? Task.CompletedTask;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_process is not null) await _process.DisposeAsync();
    }

    private static string Text(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
