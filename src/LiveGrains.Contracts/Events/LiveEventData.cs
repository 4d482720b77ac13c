using LiveGrains.Contracts.Json;

namespace LiveGrains.Contracts.Events;

/// <summary>Base of every event payload. Each concrete payload is registered once in <see cref="EventTypes"/>.</summary>
[GenerateSerializer, Alias("lg.LiveEventData")]
public abstract record LiveEventData
{
    /// <summary>Checks the payload's own invariants (non-negative amounts, required text) and returns the first problem, or null.</summary>
    public virtual string? Validate() => null;

    /// <summary>Helper for payload validation: names the field that must not be empty.</summary>
    protected static string? Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? $"data.{field} is required" : null;

    /// <summary>
    /// Helper for payload validation: names the field whose value is outside its list. JSON cannot carry such a value,
    /// a direct grain call can.
    /// </summary>
    protected static string? Defined<TEnum>(TEnum value, string field) where TEnum : struct, Enum =>
        Enum.IsDefined(value) ? null
            : $"data.{field} must be one of {string.Join(", ", Enum.GetValues<TEnum>().Select(WireNames.Of))} (got {value})";

    /// <summary>Helper for payload validation: names the field that must not be negative.</summary>
    protected static string? NotNegative(decimal value, string field) =>
        value < 0 ? $"data.{field} must not be negative (got {value})" : null;
}
