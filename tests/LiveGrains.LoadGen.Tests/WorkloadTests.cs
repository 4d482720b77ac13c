using LiveGrains.Contracts.Events;
using LiveGrains.LoadGen.Cli;
using LiveGrains.LoadGen.Workloads;

namespace LiveGrains.LoadGen.Tests;

public sealed class WorkloadTests
{
    private static readonly Workload World = WorkloadBuilder.Build(
        new LoadGenOptions { Lives = 50, Agencies = 2, Events = 3_000, Batch = 40, Duplicates = 0.01 }, DateTimeOffset.UtcNow);

    [Fact]
    public void The_on_air_part_starts_every_LIVE_of_the_world_and_the_two_parts_are_the_workload_in_order()
    {
        var (onAir, after) = World.SplitOnAir();

        onAir.Batches.Count.ShouldBeGreaterThan(0);
        after.Batches.Count.ShouldBeGreaterThan(0);
        onAir.Batches.Concat(after.Batches).SelectMany(b => b).ShouldBe(World.Batches.SelectMany(b => b));
        var started = onAir.Batches.SelectMany(b => b).Where(e => e.Data is LiveStarted).Select(e => e.LiveId).Distinct().Count();
        started.ShouldBe(50);
        after.OnAirBatches.ShouldBe(0);
    }
}
