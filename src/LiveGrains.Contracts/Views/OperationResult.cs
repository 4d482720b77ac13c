using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Metrics;

namespace LiveGrains.Contracts.Views;

/// <summary>Outcome of a command that can be refused for a reason the caller must see.</summary>
/// <param name="Succeeded">True when done.</param>
/// <param name="Error">Why it was refused.</param>
/// <param name="Message">Clear message for the user.</param>
[GenerateSerializer, Immutable, Alias("lg.OperationResult")]
public sealed record OperationResult(
    [property: Id(0)] bool Succeeded,
    [property: Id(1)] ErrorKind? Error,
    [property: Id(2)] string? Message)
{
    /// <summary>Success.</summary>
    public static OperationResult Ok { get; } = new(true, null, null);

    /// <summary>A refusal of the given kind with a message.</summary>
    public static OperationResult Fail(ErrorKind kind, string message) => new(false, kind, message);
}
