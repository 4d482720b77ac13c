using System.Collections.Concurrent;
using LiveGrains.Contracts.Events;
using LiveGrains.LoadGen.Cli;
using LiveGrains.LoadGen.Runs;
using LiveGrains.LoadGen.Targets;
using LiveGrains.LoadGen.Workloads;
using LiveGrains.Simulation.Truth;

namespace LiveGrains.LoadGen.Tests;

public sealed class WarmUpTests
{
    private static readonly Workload World = WorkloadBuilder.Build(
        new LoadGenOptions { Lives = 20, Agencies = 2, Events = 400, Batch = 40, Duplicates = 0 }, DateTimeOffset.UtcNow);

    /// <summary>Records which LIVEs each pass of the warm-up sent, a pass being what one PrepareAsync introduces.</summary>
    private sealed class RecordingTarget : ITarget
    {
        public List<ConcurrentDictionary<string, byte>> Passes { get; } = [];

        public string Name => "recording";

        public Task PrepareAsync(Workload workload, CancellationToken cancellationToken)
        {
            Passes.Add(new ConcurrentDictionary<string, byte>(StringComparer.Ordinal));
            return Task.CompletedTask;
        }

        public Task<SendOutcome> SendAsync(LiveEvent[] batch, CancellationToken cancellationToken)
        {
            foreach (var e in batch) Passes[^1][e.LiveId] = 0;
            return Task.FromResult(new SendOutcome(batch.Length, 0, 0));
        }

        public Task<Verification> VerifyAsync(GroundTruth truth, long eventsSent, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Warm_up_sends_between_two_and_nine_passes_each_to_LIVEs_of_its_own()
    {
        var target = new RecordingTarget();

        var result = await WarmUp.RunAsync(target, World, new RunSettings(4, 0, null, 1, null), TimeSpan.Zero, TestContext.Current.CancellationToken);

        result.Passes.ShouldBeInRange(2, 9);
        target.Passes.Count.ShouldBe(result.Passes);
        target.Passes.ShouldAllBe(p => p.Count == 20);
        target.Passes.SelectMany(p => p.Keys).Distinct().Count().ShouldBe(20 * result.Passes);
        result.Settled.ShouldBe(result.LastPassCompiled < 25);
    }

    [Fact]
    public async Task Warm_up_lasts_at_least_its_minimum_duration_even_when_the_JIT_settles_sooner()
    {
        var target = new RecordingTarget();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await WarmUp.RunAsync(target, World, new RunSettings(4, 0, null, 1, null), TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);

        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(3));
        result.Seconds.ShouldBeGreaterThanOrEqualTo(3);
        result.Passes.ShouldBeInRange(2, 9);
        target.Passes.Count.ShouldBe(result.Passes);
    }
}
