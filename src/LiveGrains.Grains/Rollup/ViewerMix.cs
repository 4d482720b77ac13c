using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Json;
using LiveGrains.Contracts.Views;

namespace LiveGrains.Grains.Rollup;

/// <summary>
/// Views counted by the viewer's gender, age band, follower status and traffic source, and by region. The three enum
/// dimensions are sections of one array of counts, indexed by the enum value: an array per dimension took three objects,
/// three cache misses when a LIVE's state was out of the caches, for every viewer who joined, and dictionaries keyed by
/// wire name several more and about 1 KB per LIVE. Regions, which are open-ended, are kept in one open-addressing table
/// of name and count (<see cref="Regions"/>), at most <see cref="MaxRegions"/> of them.
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

    private static readonly int GenderValues = Enum.GetValues<Gender>().Length;
    private static readonly int AgeBandValues = Enum.GetValues<AgeBand>().Length;
    private static readonly int TrafficSourceValues = Enum.GetValues<TrafficSource>().Length;

    // The sections' lengths, a byte each (gender lowest), as today's enums give them: a checkpoint's Counts was laid out
    // by the lengths stored beside it, and is laid out again when an enum has gained values since.
    private static readonly int CurrentLayout = LayoutOf(GenderValues, AgeBandValues, TrafficSourceValues);

    // Public for the serializer only: the counts by gender, by age band and by traffic source as checkpoints kept them
    // before Counts, one array each; added into Counts on first use.
    [Id(0)] public long[]? Genders;
    [Id(1)] public long[]? AgeBands;
    [Id(4)] public long[]? TrafficSources;

    /// <summary>Views by gender, then by age band, then by traffic source, each section indexed by the enum value.</summary>
    [Id(7)] public long[]? Counts;

    /// <summary>The lengths of <see cref="Counts"/>' three sections, a byte each, gender lowest.</summary>
    [Id(8)] public int CountsLayout;

    [Id(2)] public long Followers;
    [Id(3)] public long NonFollowers;

    /// <summary>
    /// Views by region: slots of a table whose length is a power of two, each region in the first empty slot from its
    /// stable hash on (linear probing), so a table is read the same in every process. Names are the instances every LIVE
    /// shares (<see cref="SharedStrings"/>): finding a region compares with a string that other LIVEs keep in the caches.
    /// </summary>
    [Id(5)] public RegionViews[] Regions = [];

    /// <summary>Regions in <see cref="Regions"/>.</summary>
    [Id(6)] public int RegionCount;

    /// <summary>Counts the view of a viewer who joined (its enum values passed validation).</summary>
    public void Add(ViewerJoined joined)
    {
        ArgumentNullException.ThrowIfNull(joined);
        var counts = CountsLaidOut();
        counts[(int)joined.Gender]++;
        counts[GenderValues + (int)joined.AgeBand]++;
        counts[GenderValues + AgeBandValues + (int)joined.TrafficSource]++;
        if (joined.IsFollower) Followers++;
        else NonFollowers++;
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
            Regions[at] = new RegionViews(SharedStrings.Of(region), 0);
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
        var counts = CountsLaidOut();
        AddNamed<Gender>(counts.AsSpan(0, GenderValues), genders);
        AddNamed<AgeBand>(counts.AsSpan(GenderValues, AgeBandValues), ageBands);
        AddNamed<TrafficSource>(counts.AsSpan(GenderValues + AgeBandValues, TrafficSourceValues), trafficSources);
        Followers += followers?.GetValueOrDefault(Follower) ?? 0;
        NonFollowers += followers?.GetValueOrDefault(NonFollower) ?? 0;
    }

    /// <summary>The gender breakdown, largest first.</summary>
    public List<ProfileSlice> GenderSlices() => Slices<Gender>(CountsLaidOut().AsSpan(0, GenderValues));

    /// <summary>The age breakdown, largest first.</summary>
    public List<ProfileSlice> AgeBandSlices() => Slices<AgeBand>(CountsLaidOut().AsSpan(GenderValues, AgeBandValues));

    /// <summary>Followers and non-followers, largest first.</summary>
    public List<ProfileSlice> FollowerSlices() =>
        Ordered([new ProfileSlice(Follower, Followers), new ProfileSlice(NonFollower, NonFollowers)]);

    /// <summary>The traffic-source breakdown, largest first.</summary>
    public List<ProfileSlice> TrafficSourceSlices() =>
        Slices<TrafficSource>(CountsLaidOut().AsSpan(GenderValues + AgeBandValues, TrafficSourceValues));

    /// <summary>Non-empty slices, largest first, then by name: the order of every profile breakdown.</summary>
    public static List<ProfileSlice> Ordered(IEnumerable<ProfileSlice> slices) =>
        slices.Where(s => s.Count > 0).OrderByDescending(s => s.Count).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();

    private static List<ProfileSlice> Slices<TEnum>(ReadOnlySpan<long> counts) where TEnum : struct, Enum
    {
        var slices = new List<ProfileSlice>(counts.Length);
        for (var value = 0; value < counts.Length; value++)
        {
            slices.Add(new ProfileSlice(WireNames.Of((TEnum)Enum.ToObject(typeof(TEnum), value)), counts[value]));
        }
        return Ordered(slices);
    }

    private static void AddNamed<TEnum>(Span<long> counts, Dictionary<string, long>? named) where TEnum : struct, Enum
    {
        foreach (var (name, count) in named ?? []) counts[Convert.ToInt32(WireNames.Parse<TEnum>(name), System.Globalization.CultureInfo.InvariantCulture)] += count;
    }

    private static int LayoutOf(int genders, int ageBands, int trafficSources) => genders | ageBands << 8 | trafficSources << 16;

    // Counts as today's enums lay them out. A new mix, a checkpoint from before Counts (its three arrays are added in) and
    // one whose enums had fewer values (each section is moved to where it goes now) are laid out once, on first use.
    private long[] CountsLaidOut()
    {
        if (CountsLayout == CurrentLayout && Counts is { } laidOut) return laidOut;
        var counts = new long[GenderValues + AgeBandValues + TrafficSourceValues];
        if (Counts is { } old)
        {
            var (genders, ageBands) = (CountsLayout & 0xFF, (CountsLayout >> 8) & 0xFF);
            old.AsSpan(0, genders).CopyTo(counts);
            old.AsSpan(genders, ageBands).CopyTo(counts.AsSpan(GenderValues));
            old.AsSpan(genders + ageBands).CopyTo(counts.AsSpan(GenderValues + AgeBandValues));
        }
        Genders?.CopyTo(counts, 0);
        AgeBands?.CopyTo(counts, GenderValues);
        TrafficSources?.CopyTo(counts, GenderValues + AgeBandValues);
        (Counts, CountsLayout, Genders, AgeBands, TrafficSources) = (counts, CurrentLayout, null, null, null);
        return counts;
    }
}
