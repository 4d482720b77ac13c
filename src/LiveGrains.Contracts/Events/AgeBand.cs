using System.Text.Json.Serialization;

namespace LiveGrains.Contracts.Events;

/// <summary>Viewer age band; the wire names are the labels agencies know ("18-24").</summary>
public enum AgeBand
{
    [JsonStringEnumMemberName("18-24")] Age18To24,
    [JsonStringEnumMemberName("25-34")] Age25To34,
    [JsonStringEnumMemberName("35-44")] Age35To44,
    [JsonStringEnumMemberName("45-54")] Age45To54,
    [JsonStringEnumMemberName("55+")] Age55Plus,
    [JsonStringEnumMemberName("unknown")] Unknown,
}
