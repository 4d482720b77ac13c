using System.Collections.Concurrent;
using System.Text.Json;
using LiveGrains.Contracts.Json;

namespace LiveGrains.Grains.Rollup;

/// <summary>Wire names of enum values (as the API spells them), cached: profile keys use them.</summary>
internal static class EnumNames
{
    private static readonly ConcurrentDictionary<Enum, string> Cache = new();

    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Cache.GetOrAdd(value, v => JsonSerializer.Serialize(v, v.GetType(), LiveJson.Options).Trim('"'));
}
