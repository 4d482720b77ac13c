using LiveGrains.LoadGen.Measure;

namespace LiveGrains.LoadGen.Tests;

public sealed class HostRuntimeTests
{
    private const string Exposition = """
        # TYPE dotnet_gc_collections_total counter
        dotnet_gc_collections_total{otel_scope_name="System.Runtime",gc_heap_generation="gen2"} 3
        dotnet_gc_collections_total{otel_scope_name="System.Runtime",gc_heap_generation="gen1"} 5
        dotnet_gc_collections_total{otel_scope_name="System.Runtime",gc_heap_generation="gen0"} 40
        dotnet_gc_heap_total_allocated_bytes_total{otel_scope_name="System.Runtime"} 8.0181920e+07
        dotnet_gc_last_collection_heap_size_bytes{otel_scope_name="System.Runtime",gc_heap_generation="gen0"} 1647552
        dotnet_gc_pause_time_seconds_total{otel_scope_name="System.Runtime"} 0.25
        livegrains_ingest_events_total{otel_scope_name="LiveGrains",outcome="accepted"} 1000
        """;

    [Fact]
    public void Collections_by_generation_collected_are_counted_as_the_runtime_counts_them()
    {
        var host = HostRuntime.Parse(Exposition).ShouldNotBeNull();

        host.AllocatedBytes.ShouldBe(80_181_920);
        host.Gc.ShouldBe(new GcActivity(48, 8, 3, TimeSpan.FromSeconds(0.25)));
    }

    [Fact]
    public void A_host_without_the_runtime_meter_gives_no_numbers()
    {
        HostRuntime.Parse("livegrains_ingest_events_total{outcome=\"accepted\"} 1000\n").ShouldBeNull();
    }

    [Fact]
    public void A_phase_is_the_difference_of_two_readings()
    {
        var start = new HostRuntime(1_000, new GcActivity(10, 2, 1, TimeSpan.FromSeconds(1)));
        var end = new HostRuntime(5_000, new GcActivity(14, 3, 1, TimeSpan.FromSeconds(1.5)));

        (end - start).ShouldBe(new HostRuntime(4_000, new GcActivity(4, 1, 0, TimeSpan.FromSeconds(0.5))));
    }
}
