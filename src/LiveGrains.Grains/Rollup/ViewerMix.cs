using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Json;
using LiveGrains.Contracts.Views;

namespace LiveGrains.Grains.Rollup;

/// <summary>
/// Views counted by the viewer's gender, age band, follower status and traffic source: an array of counts per
/// dimension, indexed by the enum value. Dictionaries keyed by wire name cost a hash and several cache misses per
/// dimension for every viewer who joined, and about 1 KB per LIVE for these four.
/// </summary>
[GenerateSerializer, Alias("lg.ViewerMix")]
public sealed class ViewerMix
{
    /// <summary>Wire names of the follower dimension's two values.</summary>
    public const string Follower = "follower", NonFollower = "non_follower";

    [Id(0)] public long[] Genders = new long[Enum.GetValues<Gender>().Length];
    [Id(1)] public long[] AgeBands = new long[Enum.GetValues<AgeBand>().Length];
    [Id(2)] public long Followers;
    [Id(3)] public long NonFollowers;
    [Id(4)] public long[] TrafficSources = new long[Enum.GetValues<TrafficSource>().Length];

    /// <summary>Counts the view of a viewer who joined (its enum values passed validation).</summary>
    public void Add(ViewerJoined joined)
    {
        ArgumentNullException.ThrowIfNull(joined);
        Count(ref Genders, (int)joined.Gender, 1);
        Count(ref AgeBands, (int)joined.AgeBand, 1);
        if (joined.IsFollower) Followers++;
        else NonFollowers++;
        Count(ref TrafficSources, (int)joined.TrafficSource, 1);
    }

    /// <summary>Adds counts keyed by wire name, as checkpoints of an older layout hold them.</summary>
    public void AddNamed(Dictionary<string, long>? genders, Dictionary<string, long>? ageBands, Dictionary<string, long>? followers, Dictionary<string, long>? trafficSources)
    {
        AddNamed<Gender>(ref Genders, genders);
        AddNamed<AgeBand>(ref AgeBands, ageBands);
        AddNamed<TrafficSource>(ref TrafficSources, trafficSources);
        Followers += followers?.GetValueOrDefault(Follower) ?? 0;
        NonFollowers += followers?.GetValueOrDefault(NonFollower) ?? 0;
    }

    /// <summary>The gender breakdown, largest first.</summary>
    public List<ProfileSlice> GenderSlices() => Slices<Gender>(Genders);

    /// <summary>The age breakdown, largest first.</summary>
    public List<ProfileSlice> AgeBandSlices() => Slices<AgeBand>(AgeBands);

    /// <summary>Followers and non-followers, largest first.</summary>
    public List<ProfileSlice> FollowerSlices() =>
        Ordered([new ProfileSlice(Follower, Followers), new ProfileSlice(NonFollower, NonFollowers)]);

    /// <summary>The traffic-source breakdown, largest first.</summary>
    public List<ProfileSlice> TrafficSourceSlices() => Slices<TrafficSource>(TrafficSources);

    /// <summary>Non-empty slices, largest first, then by name: the order of every profile breakdown.</summary>
    public static List<ProfileSlice> Ordered(IEnumerable<ProfileSlice> slices) =>
        slices.Where(s => s.Count > 0).OrderByDescending(s => s.Count).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();

    private static List<ProfileSlice> Slices<TEnum>(long[] counts) where TEnum : struct, Enum =>
        Ordered(counts.Select((count, value) => new ProfileSlice(WireNames.Of((TEnum)Enum.ToObject(typeof(TEnum), value)), count)));

    private static void AddNamed<TEnum>(ref long[] counts, Dictionary<string, long>? named) where TEnum : struct, Enum
    {
        foreach (var (name, count) in named ?? []) Count(ref counts, Convert.ToInt32(WireNames.Parse<TEnum>(name), System.Globalization.CultureInfo.InvariantCulture), count);
    }

    // An array from a checkpoint written when an enum had fewer values grows to take the new ones.
    private static void Count(ref long[] counts, int value, long count)
    {
        if (value >= counts.Length) Array.Resize(ref counts, value + 1);
        counts[value] += count;
    }
}
