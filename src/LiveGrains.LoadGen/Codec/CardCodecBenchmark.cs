using System.Diagnostics;
using System.Globalization;
using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Metrics;
using LiveGrains.Contracts.Streams;
using LiveGrains.Contracts.Views;
using LiveGrains.LoadGen.Measure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace LiveGrains.LoadGen.Codec;

/// <summary>
/// What a LIVE card costs on Orleans' wire, the way agency feeds carry cards (batches of one agency's changed cards,
/// serialized by the memory stream and read back by the web host): cards whose metrics are a
/// <see cref="MetricDictionary"/> (what LiveGrains sends) against the same cards with the metrics in a
/// <see cref="Dictionary{TKey, TValue}"/> (what it sent before). Rounds alternate; the medians are compared.
/// </summary>
public static class CardCodecBenchmark
{
    private const int BatchSize = 100;

    /// <summary>Runs <paramref name="rounds"/> rounds over <paramref name="cards"/> cards and prints the table; returns the exit code.</summary>
    public static int Run(int cards, int rounds, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (cards < BatchSize || rounds < 1) throw new ArgumentOutOfRangeException(nameof(cards), $"needs at least {BatchSize} cards and 1 round");
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        var compact = Batches(cards, metrics => metrics);
        var keyed = Batches(cards, metrics => metrics.ToDictionary(p => p.Key, p => p.Value));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"card codec: {cards:N0} cards in batches of {BatchSize}, serialized and read back, {rounds} rounds after three uncounted rounds each"));

        // Tiered JIT settles over the first rounds: three uncounted rounds each first.
        for (var warmUp = 0; warmUp < 3; warmUp++)
        {
            Measure(serializer, compact);
            Measure(serializer, keyed);
        }
        var results = new List<(string Contender, double MicrosPerCard, double BytesPerCard)>();
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var (name, batches) in new[] { ("metric array", compact), ("dictionary", keyed) })
            {
                var (micros, bytes) = Measure(serializer, batches);
                results.Add((name, micros / cards, bytes / (double)cards));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  round {round} {name,-12} {micros / cards,8:F2} us per card  {bytes / (double)cards,6:F0} bytes per card"));
            }
        }
        var array = Statistics.Median(results.Where(r => r.Contender == "metric array").Select(r => r.MicrosPerCard));
        var dictionary = Statistics.Median(results.Where(r => r.Contender == "dictionary").Select(r => r.MicrosPerCard));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median us per card: metric array {array:F2}, dictionary {dictionary:F2}; the array takes {array / dictionary:P0} of the dictionary's time"));
        return 0;
    }

    private static (double Micros, long Bytes) Measure(Serializer serializer, List<AgencyCardsChanged> batches)
    {
        long bytes = 0;
        var started = Stopwatch.GetTimestamp();
        foreach (var batch in batches)
        {
            var wire = serializer.SerializeToArray(batch);
            bytes += wire.Length;
            if (serializer.Deserialize<AgencyCardsChanged>(wire)?.Changed.Count != batch.Changed.Count) throw new InvalidDataException("a batch lost cards");
        }
        return (Stopwatch.GetElapsedTime(started).TotalMicroseconds, bytes);
    }

    // Cards of one shape with distinct values, as a feed carries them: every card its own metrics.
    private static List<AgencyCardsChanged> Batches(int cards, Func<MetricDictionary, IReadOnlyDictionary<string, decimal?>> metrics)
    {
        var at = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        var all = Enumerable.Range(0, cards).Select(i => new LiveCard($"72000000000{i:D8}", $"creator-{i}", $"Creator {i}", null, CreatorType.Seller,
            $"agency-{i / BatchSize}", $"LIVE {i}", LiveStatus.Live, at.AddMinutes(-i % 120), null, "USD", metrics(MetricCatalog.DeriveAll(Counters(i))),
            [new CommentView($"viewer-{i}", "viewer", "nice", at)], null, [], [], at, false, i)).ToList();
        return [.. all.Chunk(BatchSize).Select(c => new AgencyCardsChanged(c[0].AgencyId!, c, [], at))];
    }

    private static LiveCounters Counters(int i) => new()
    {
        Gmv = 1_000m + i * 3.5m, AffiliateGmv = 200m + i, Orders = 10 + i % 50, ItemsSold = 14 + i % 70, Buyers = 8 + i % 40,
        Views = 4_000 + i, UniqueViewers = 3_000 + i, CurrentViewers = 100 + i % 300, PeakViewers = 400 + i % 500, ViewerSeconds = 90_000m + i,
        LiveImpressions = 50_000 + i, ProductImpressions = 2_000 + i, ProductClicks = 100 + i % 90, Likes = 900 + i, Comments = 80 + i % 60,
        Shares = i % 20, NewFollowers = i % 30, DurationSeconds = 600m + i % 3_600,
    };
}
