namespace LiveGrains.LoadGen.Targets;

/// <summary>A request the system refused for now (throttled, unavailable): sending it again later is right.</summary>
public sealed class TransientSendException(string message, TimeSpan? retryAfter = null) : Exception(message)
{
    /// <summary>How long the system asked to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
