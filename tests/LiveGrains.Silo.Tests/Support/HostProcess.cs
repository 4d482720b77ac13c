using System.Collections.Concurrent;
using System.Diagnostics;

namespace LiveGrains.Silo.Tests.Support;

/// <summary>
/// One <c>dotnet &lt;dll&gt;</c> child process with its own environment, its recent output kept for failure messages.
/// Disposing kills it (SIGKILL), so a failed test never leaves hosts behind.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private const int KeptLines = 400;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private HostProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    /// <summary>Name used in messages (e.g. <c>silo-1</c>).</summary>
    public string Name { get; }

    /// <summary>Operating-system process id.</summary>
    public int Id => _process.Id;

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Exit code, once exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines of stdout and stderr.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts <c>dotnet <paramref name="dll"/> <paramref name="arguments"/></c> in the dll's folder with <paramref name="environment"/> added.</summary>
    public static HostProcess Start(string name, string dll, IEnumerable<KeyValuePair<string, string?>> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        // The test runner's own settings must not leak into the hosts.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("LiveGrains__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment) info.Environment[key] = value;

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var host = new HostProcess(name, process);
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits for the exit; false when <paramref name="timeout"/> passed first.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(bounded.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>SIGKILL: the process dies at once, no shutdown code runs (a crash, as far as the cluster can tell).</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
        await WaitForExitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
    }

    /// <summary>SIGTERM, then SIGKILL if it has not exited within <paramref name="grace"/>: a graceful stop, as Kubernetes does it.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited) return;
        // The kill(1) command rather than P/Invoke: .NET has no API for SIGTERM and this keeps the project free of unsafe code.
        using (var term = System.Diagnostics.Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }
        if (!await WaitForExitAsync(grace, CancellationToken.None)) await KillAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > KeptLines) _output.TryDequeue(out _);
    }
}
