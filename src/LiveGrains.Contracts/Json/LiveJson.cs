using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveGrains.Contracts.Json;

/// <summary>The JSON conventions of every LiveGrains wire format: camelCase members, snake_case enum names.</summary>
public static class LiveJson
{
    /// <summary>Shared options; strict about required members and nullability so a missing field is an error, not a default.</summary>
    public static JsonSerializerOptions Options { get; } = ReadOnly(Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web)));

    /// <summary>Applies the LiveGrains conventions to <paramref name="options"/> (used for ASP.NET Core's own options too).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.RespectRequiredConstructorParameters = true;
        options.RespectNullableAnnotations = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        return options;
    }

    // Read-only from the start, with the reflection resolver the serializer would add on first use: its metadata can then be
    // asked for (GetTypeInfo) before anything was serialized with it.
    private static JsonSerializerOptions ReadOnly(JsonSerializerOptions options)
    {
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
