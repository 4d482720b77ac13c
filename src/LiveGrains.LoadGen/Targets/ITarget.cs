using LiveGrains.Contracts.Events;
using LiveGrains.LoadGen.Workloads;
using LiveGrains.Simulation.Truth;

namespace LiveGrains.LoadGen.Targets;

/// <summary>A system the load generator sends the workload to.</summary>
public interface ITarget : IAsyncDisposable
{
    /// <summary>Short name in tables and JSON.</summary>
    string Name { get; }

    /// <summary>Untimed set-up before the run (agencies and creators, so LIVEs fan out to agencies as in production).</summary>
    Task PrepareAsync(Workload workload, CancellationToken cancellationToken);

    /// <summary>Sends one request; throws on failure (the runner retries with the same events).</summary>
    Task<SendOutcome> SendAsync(LiveEvent[] batch, CancellationToken cancellationToken);

    /// <summary>Reads what the system holds and compares it with <paramref name="truth"/>.</summary>
    Task<Verification> VerifyAsync(GroundTruth truth, long eventsSent, CancellationToken cancellationToken);
}
