using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Json;
using LiveGrains.Contracts.Views;

namespace LiveGrains.Grains.Rollup;

/// <summary>
/// Views counted by the viewer's gender, age band, follower status and traffic source: an array of counts per
/// dimension, indexed by the enum value. Dictionaries keyed by wire name cost a hash and several cache misses per
/// dimension for every viewer who joined, and about 1 KB per LIVE for these four. Regions, which are open-ended, are kept
/// in one open-addressing table of name and count (<see cref="Regions"/>), at most <see cref="MaxRegions"/> of them.
/// </summary>
[GenerateSerializer, Alias("lg.ViewerMix")]
public sealed class ViewerMix
{
    /// <summary>Wire names of the follower dimension's two values.</summary>
    public const string Follower = "follower", NonFollower = "non_follower";

    /// <summary>Distinct regions kept; views from further ones are counted under <see cref="OtherRegion"/>.</summary>
    public const int MaxRegions = 100;

    /// <summary>The region that views from regions past <see cref="MaxRegions"/> are counted under.</summary>
    public const string OtherRegion = "other";

    [Id(0)] public long[] Genders = new long[Enum.GetValues<Gender>().Length];
    [Id(1)] public long[] AgeBands = new long[Enum.GetValues<AgeBand>().Length];
    [Id(2)] public long Followers;
    [Id(3)] public long NonFollowers;
    [Id(4)] public long[] TrafficSources = new long[Enum.GetValues<TrafficSource>().Length];

    /// <summary>
    /// Views by region: slots of a table whose length is a power of two, each region in the first empty slot from its
    /// stable hash on (linear probing), so a table is read the same in every process. A dictionary took three objects,
    /// three cache misses when its LIVE's state was out of the caches, for every viewer who joined; this takes one.
    /// </summary>
    [Id(5)] public RegionViews[] Regions = [];

    /// <summary>Regions in <see cref="Regions"/>.</summary>
    [Id(6)] public int RegionCount;

    /// <summary>Counts the view of a viewer who joined (its enum values passed validation).</summary>
    public void Add(ViewerJoined joined)
    {
        ArgumentNullException.ThrowIfNull(joined);
        Count(ref Genders, (int)joined.Gender, 1);
        Count(ref AgeBands, (int)joined.AgeBand, 1);
        if (joined.IsFollower) Followers++;
        else NonFollowers++;
        Count(ref TrafficSources, (int)joined.TrafficSource, 1);
        AddRegion(joined.Region, 1);
    }

    /// <summary>Counts <paramref name="views"/> from <paramref name="region"/>, under <see cref="OtherRegion"/> once <see cref="MaxRegions"/> others are kept.</summary>
    public void AddRegion(string region, long views)
    {
        ArgumentNullException.ThrowIfNull(region);
        var at = FindRegion(region);
        if (at < 0 || Regions[at].Name is null)
        {
            if (RegionCount >= MaxRegions && region != OtherRegion)
            {
                AddRegion(OtherRegion, views);
                return;
            }
            if (ProbedSlots.IsFullFor(RegionCount, Regions.Length))
            {
                var old = Regions;
                Regions = new RegionViews[ProbedSlots.GrownLength(old.Length)];
                foreach (var slot in old)
                {
                    if (slot.Name is not null) Regions[FindRegion(slot.Name)] = slot;
                }
                at = FindRegion(region);
            }
            Regions[at] = new RegionViews(region, 0);
            RegionCount++;
        }
        Regions[at].Views += views;
    }

    /// <summary>The region breakdown, largest first.</summary>
    public List<ProfileSlice> RegionSlices()
    {
        var slices = new List<ProfileSlice>(RegionCount);
        foreach (var slot in Regions)
        {
            if (slot.Name is not null) slices.Add(new ProfileSlice(slot.Name, slot.Views));
        }
        return Ordered(slices);
    }

    // The slot holding `region`, or the empty slot where it belongs; -1 only for an empty table.
    private int FindRegion(string region)
    {
        if (Regions.Length == 0) return -1;
        var mask = Regions.Length - 1;
        var at = (int)StableHash.Of(region) & mask;
        while (Regions[at].Name is { } name && !string.Equals(name, region, StringComparison.Ordinal)) at = (at + 1) & mask;
        return at;
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
