using System.Collections.Concurrent;
using System.Text.Json;

namespace LiveGrains.Contracts.Json;

/// <summary>
/// Enum values by their wire names, the snake_case the API's JSON uses: also the text that storage columns and
/// profile keys hold, so every layer spells a value the same way.
/// </summary>
public static class WireNames
{
    private static readonly ConcurrentDictionary<Enum, string> Names = new();

    /// <summary>The wire name of <paramref name="value"/>.</summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Names.GetOrAdd(value, v => JsonSerializer.Serialize(v, v.GetType(), LiveJson.Options).Trim('"'));

    /// <summary>The value whose wire name is <paramref name="name"/>.</summary>
    public static TEnum Parse<TEnum>(string name) where TEnum : struct, Enum => JsonSerializer.Deserialize<TEnum>($"\"{name}\"", LiveJson.Options);
}
