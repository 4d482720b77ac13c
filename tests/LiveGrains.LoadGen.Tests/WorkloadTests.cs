using System.Globalization;
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

    [Fact]
    public void A_copy_moved_in_time_has_the_same_events_later_by_the_shift()
    {
        var shift = TimeSpan.FromMinutes(3);

        var same = World.ForRun(0, shift).Batches.SelectMany(b => b).ToList();
        var other = World.ForRun(1, shift).Batches.SelectMany(b => b).ToList();

        var original = World.Batches.SelectMany(b => b).ToList();
        same.ShouldBe(original.Select(e => e with { OccurredAt = e.OccurredAt + shift }));
        other.Select(e => e with { LiveId = "" }).ShouldBe(original.Select(e => e with { LiveId = "", OccurredAt = e.OccurredAt + shift }));
        other.Select(e => e.LiveId).Intersect(original.Select(e => e.LiveId)).ShouldBeEmpty();
        World.ForRun(1, shift).TimeRange().ShouldBe((World.TimeRange().First + shift, World.TimeRange().Last + shift));
    }

    [Theory]
    [InlineData("2026-12-01T08:04:10Z", "2026-12-01T08:04:10Z")]
    [InlineData("2026-12-01T08:04:09Z", "2026-12-01T08:01:40Z")]
    [InlineData("2026-12-01T08:09:09Z", "2026-12-01T08:06:40Z")]
    [InlineData("1969-12-31T23:59:00Z", "1969-12-31T23:56:40Z")]
    public void Simulated_time_starts_fifty_seconds_before_a_boundary_of_the_dedupe_generations_at_most_one_generation_back(string latest, string start) =>
        WorkloadBuilder.AlignedStart(DateTimeOffset.Parse(latest, CultureInfo.InvariantCulture)).ShouldBe(DateTimeOffset.Parse(start, CultureInfo.InvariantCulture));

    [Fact]
    public void Two_workloads_built_minutes_apart_put_their_events_at_the_same_seconds_of_a_generation()
    {
        var options = new LoadGenOptions { Lives = 20, Agencies = 2, Events = 500 };

        var first = WorkloadBuilder.Build(options, DateTimeOffset.Parse("2026-12-01T08:04:30Z", CultureInfo.InvariantCulture));
        var second = WorkloadBuilder.Build(options, DateTimeOffset.Parse("2026-12-01T08:07:41Z", CultureInfo.InvariantCulture));

        static long SecondsIntoGeneration(LiveEvent e) => e.OccurredAt.ToUnixTimeSeconds() % 300;
        first.Batches.SelectMany(b => b).Select(SecondsIntoGeneration).ShouldBe(second.Batches.SelectMany(b => b).Select(SecondsIntoGeneration));
    }
}
