using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Views;
using Orleans.Concurrency;

namespace LiveGrains.Contracts.Grains;

/// <summary>
/// Ingest of a mixed batch (many LIVEs) in one call to a silo, for callers outside the silo: the web front-end in
/// cluster mode, internal services and load tests on an Orleans client. The silo that takes the call splits the batch by
/// LIVE and calls each LIVE from there, so the batch crosses the network once, not once per LIVE in it. Use key 0: it is
/// a stateless worker, activated on whichever silo receives the call.
/// </summary>
public interface IIngestGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Splits <paramref name="events"/> by LIVE and ingests each part, as <see cref="GrainFactoryIngestExtensions.IngestAsync"/>
    /// does inside a silo; rejected indexes refer to <paramref name="events"/>, and sequences are per LIVE. The batch is
    /// handed over, not copied, within a silo: callers never change it after the call.
    /// </summary>
    Task<IngestResult> Ingest([Immutable] IReadOnlyList<LiveEvent> events);
}
