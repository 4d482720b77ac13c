using System.Globalization;

namespace LiveGrains.LoadGen.Measure;

/// <summary>
/// The web host's managed allocations and collections so far, as its own runtime counts them and its Prometheus endpoint
/// shows them (the runtime meter, <c>System.Runtime</c>). The load generator's own numbers cannot say what the host's
/// collector costs, and host runs are decided there.
/// </summary>
/// <param name="AllocatedBytes">Managed bytes the host allocated.</param>
/// <param name="Gc">The host's collections (each counted in every generation up to the one it collected) and pause time.</param>
public readonly record struct HostRuntime(long AllocatedBytes, GcActivity Gc)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>What happened between <paramref name="start"/> and <paramref name="end"/>.</summary>
    public static HostRuntime operator -(HostRuntime end, HostRuntime start) => new(end.AllocatedBytes - start.AllocatedBytes, end.Gc - start.Gc);

    /// <summary>
    /// Reads <paramref name="metricsUrl"/>; null when the host does not answer or does not export the runtime meter, so
    /// that a run against an older host still runs, without these numbers.
    /// </summary>
    public static async Task<HostRuntime?> ReadAsync(Uri metricsUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metricsUrl);
        try
        {
            return Parse(await Http.GetStringAsync(metricsUrl, cancellationToken));
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>
    /// The runtime meter's numbers in a Prometheus text exposition; null when any of them is missing. The meter counts
    /// collections by the generation collected; they are summed upwards here, as <see cref="GC.CollectionCount"/> counts.
    /// </summary>
    public static HostRuntime? Parse(string exposition)
    {
        ArgumentNullException.ThrowIfNull(exposition);
        double? allocated = null, pause = null;
        var byGeneration = new double?[3];
        foreach (var raw in exposition.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var space = line.LastIndexOf(' ');
            if (space < 0 || !double.TryParse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) continue;
            var series = line[..space];
            if (series.StartsWith("dotnet_gc_heap_total_allocated_bytes_total", StringComparison.Ordinal)) allocated = value;
            else if (series.StartsWith("dotnet_gc_pause_time_seconds_total", StringComparison.Ordinal)) pause = value;
            else if (series.StartsWith("dotnet_gc_collections_total", StringComparison.Ordinal))
            {
                for (var g = 0; g < byGeneration.Length; g++)
                {
                    if (series.Contains($"gc_heap_generation=\"gen{g}\"", StringComparison.Ordinal)) byGeneration[g] = value;
                }
            }
        }
        if (allocated is null || pause is null || byGeneration.Any(g => g is null)) return null;
        var (gen0, gen1, gen2) = ((int)byGeneration[0]!.Value, (int)byGeneration[1]!.Value, (int)byGeneration[2]!.Value);
        return new HostRuntime((long)allocated.Value, new GcActivity(gen0 + gen1 + gen2, gen1 + gen2, gen2, TimeSpan.FromSeconds(pause.Value)));
    }
}
