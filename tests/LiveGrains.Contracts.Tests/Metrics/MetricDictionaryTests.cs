using System.Text;
using System.Text.Json;
using LiveGrains.Contracts.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace LiveGrains.Contracts.Tests.Metrics;

public sealed class MetricDictionaryTests
{
    private static readonly LiveCounters Sample = new() { Gmv = 10m, Orders = 2, Views = 40, DurationSeconds = 60m };

    [Fact]
    public void Metrics_are_read_by_key_and_listed_in_catalog_order()
    {
        var metrics = MetricCatalog.DeriveAll(Sample);

        metrics.Keys.ShouldBe(MetricCatalog.All.Select(m => m.Key));
        metrics.Select(p => p.Key).ShouldBe(metrics.Keys);
        metrics.Count.ShouldBe(MetricCatalog.All.Count);
        metrics["aov"].ShouldBe(5m);
        // No product impressions: the ratio is absent, and the key is still there.
        metrics.TryGetValue("ctr", out var ctr).ShouldBeTrue();
        ctr.ShouldBeNull();
        metrics.ContainsKey("no_such_metric").ShouldBeFalse();
        Should.Throw<KeyNotFoundException>(() => metrics["no_such_metric"]).Message.ShouldContain("no_such_metric");
    }

    [Fact]
    public void Json_has_the_shape_of_a_dictionary_by_key()
    {
        var metrics = MetricCatalog.DeriveAll(Sample);

        JsonSerializer.Serialize<IReadOnlyDictionary<string, decimal?>>(metrics)
            .ShouldBe(JsonSerializer.Serialize(metrics.ToDictionary(p => p.Key, p => p.Value)));
    }

    [Fact]
    public void Orleans_carries_the_values_without_their_keys()
    {
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        var metrics = MetricCatalog.DeriveAll(Sample);

        var bytes = serializer.SerializeToArray<IReadOnlyDictionary<string, decimal?>>(metrics);
        var copy = serializer.Deserialize<IReadOnlyDictionary<string, decimal?>>(bytes);

        copy.ShouldBeOfType<MetricDictionary>().ToList().ShouldBe(metrics.ToList());
        Encoding.UTF8.GetString(bytes).ShouldNotContain("gpm_impressions");
    }

    [Fact]
    public void Metrics_made_from_counters_go_on_the_wire_as_the_values_derived_from_them()
    {
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        var derived = new MetricDictionary(MetricCatalog.DeriveValues(Sample));

        // Written before anything read it: the serializer has it derive its values first.
        serializer.SerializeToArray<IReadOnlyDictionary<string, decimal?>>(MetricCatalog.DeriveAll(Sample))
            .ShouldBe(serializer.SerializeToArray<IReadOnlyDictionary<string, decimal?>>(derived));
    }

    [Fact]
    public void Threads_reading_new_metrics_at_once_all_read_the_same_values()
    {
        var expected = new MetricDictionary(MetricCatalog.DeriveValues(Sample)).ToList();
        for (var round = 0; round < 50; round++)
        {
            var metrics = MetricCatalog.DeriveAll(Sample);
            var seen = new List<KeyValuePair<string, decimal?>>[8];
            Parallel.For(0, seen.Length, i => seen[i] = metrics.ToList());
            foreach (var list in seen) list.ShouldBe(expected);
        }
    }

    [Fact]
    public void Values_derived_by_another_catalog_read_as_no_metrics_rather_than_misplaced_ones()
    {
        var foreign = new MetricDictionary(new decimal?[MetricCatalog.All.Count + 1], MetricCatalog.Fingerprint + 1);

        foreign.Count.ShouldBe(0);
        foreign.ShouldBeEmpty();
        foreign.ContainsKey("gmv").ShouldBeFalse();
        foreign.TryGetValue("gmv", out _).ShouldBeFalse();
    }
}
