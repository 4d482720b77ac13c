namespace LiveGrains.Silo.Tests.Support;

/// <summary>Polls a host's <c>/readyz</c> until it answers 200, the host exits, or time runs out.</summary>
public static class Readiness
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>Waits for <paramref name="host"/> to be ready on <paramref name="port"/>; throws with its output otherwise.</summary>
    public static async Task WaitAsync(HostProcess host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var url = new Uri($"http://127.0.0.1:{port}/readyz");
        var deadline = DateTime.UtcNow + timeout;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            if (host.HasExited) throw new InvalidOperationException($"{host.Name} exited with {host.ExitCode} before it was ready:\n{host.Output}");
            try
            {
                using var response = await Http.GetAsync(url, cancellationToken);
                if (response.IsSuccessStatusCode) return;
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = "timed out";
            }
            await Task.Delay(250, cancellationToken);
        }
        throw new TimeoutException($"{host.Name} was not ready within {timeout} ({last}):\n{host.Output}");
    }
}
