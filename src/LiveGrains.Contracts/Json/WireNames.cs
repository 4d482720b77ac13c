using System.Collections.Concurrent;
using System.Text.Json;

namespace LiveGrains.Contracts.Json;

/// <summary>
/// Enum values by their wire names, the snake_case the API's JSON uses: also the text that storage columns and
/// profile keys hold, so every layer spells a value the same way.
/// </summary>
public static class WireNames
{
    /// <summary>The wire name of <paramref name="value"/>.</summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        // Read back as a JSON string, not trimmed of its quotes: the writer escapes characters such as '+', and "55+" must
        // not reach a profile key or a column as "55\u002B".
        NamesOf<TEnum>.Names.GetOrAdd(value, static v => Spell(v, typeof(TEnum)));

    /// <summary>The wire name of <paramref name="value"/>, a value of the enum <paramref name="enumType"/>; not cached.</summary>
    internal static string Spell(object value, Type enumType) =>
        JsonSerializer.Deserialize<string>(JsonSerializer.SerializeToUtf8Bytes(value, enumType, LiveJson.Options))!;

    /// <summary>The value whose wire name is <paramref name="name"/>.</summary>
    public static TEnum Parse<TEnum>(string name) where TEnum : struct, Enum => JsonSerializer.Deserialize<TEnum>($"\"{name}\"", LiveJson.Options);

    // One cache per enum type, keyed by the value itself: a cache keyed by Enum boxed every value looked up, and the
    // rollup looks up several for every viewer who joins.
    private static class NamesOf<TEnum> where TEnum : struct, Enum
    {
        public static readonly ConcurrentDictionary<TEnum, string> Names = new();
    }
}
