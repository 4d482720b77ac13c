using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Views;

namespace LiveGrains.Contracts.Grains;

/// <summary>Ingest of a mixed batch (many LIVEs) through the grains, as the HTTP API, the demo and load tests do.</summary>
public static class GrainFactoryIngestExtensions
{
    /// <summary>
    /// Splits <paramref name="events"/> by LIVE, ingests each LIVE's part in parallel (each LIVE grain is the single
    /// writer of its own events, so parts are independent) and merges the results; rejected indexes refer to
    /// <paramref name="events"/>, and sequences are per LIVE.
    /// </summary>
    public static async Task<IngestResult> IngestAsync(this IGrainFactory grains, IReadOnlyList<LiveEvent> events)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(events);
        var parts = LiveBatch.SplitByLive(events);
        var calls = new Task<LiveIngestResult>[parts.Count];
        for (var p = 0; p < parts.Count; p++) calls[p] = StringKeyedGrains<ILiveSessionGrain>.Get(grains, parts[p].LiveId).Ingest(parts[p].Events).AsTask();
        var results = await Task.WhenAll(calls);

        int accepted = 0, duplicates = 0;
        List<RejectedEvent>? rejected = null;
        var liveIds = new string[parts.Count];
        var sequences = new long[parts.Count];
        for (var p = 0; p < parts.Count; p++)
        {
            (liveIds[p], sequences[p]) = (parts[p].LiveId, results[p].Sequence);
            accepted += results[p].Accepted;
            duplicates += results[p].Duplicates;
            var refused = results[p].Rejected;
            for (var r = 0; r < refused.Count; r++) (rejected ??= []).Add(refused[r] with { Index = parts[p].Indexes[refused[r].Index] });
        }
        rejected?.Sort((a, b) => a.Index.CompareTo(b.Index));
        return new IngestResult(accepted, duplicates, (IReadOnlyList<RejectedEvent>?)rejected ?? [], new LiveSequenceDictionary(liveIds, sequences));
    }
}
