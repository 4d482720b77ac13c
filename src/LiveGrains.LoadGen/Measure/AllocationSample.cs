using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace LiveGrains.LoadGen.Measure;

/// <summary>
/// Which types this process allocates, from the runtime's allocation ticks: the runtime reports one allocation about
/// every 100 KB allocated, with its type and the bytes since the last tick, so the bytes by type are a sample that is
/// close for the types allocated most. Sampling costs a little CPU; runs that measure speed leave it off.
/// </summary>
public sealed class AllocationSample : EventListener
{
    // The runtime's provider, and its GC keyword: at verbose level it sends GCAllocationTick.
    private const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private volatile bool _sampling;

    /// <summary>Starts counting (again, from zero).</summary>
    public void Start()
    {
        _bytes.Clear();
        _sampling = true;
    }

    /// <summary>Stops counting and returns the <paramref name="top"/> types by bytes, most first.</summary>
    public IReadOnlyList<(string Type, long Bytes)> Stop(int top)
    {
        _sampling = false;
        return [.. _bytes.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(top).Select(p => (p.Key, p.Value))];
    }

    /// <inheritdoc />
    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        if (eventSource.Name == RuntimeProvider) EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
    }

    /// <inheritdoc />
    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (!_sampling || eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal)) return;
        if (eventData.PayloadNames is not { } names || eventData.Payload is not { } payload) return;
        var typeAt = names.IndexOf("TypeName");
        var bytesAt = names.IndexOf("AllocationAmount64");
        if (typeAt < 0 || bytesAt < 0 || payload[typeAt] is not string type) return;
        var bytes = Convert.ToInt64(payload[bytesAt], System.Globalization.CultureInfo.InvariantCulture);
        _bytes.AddOrUpdate(type, bytes, (_, sum) => sum + bytes);
    }
}
