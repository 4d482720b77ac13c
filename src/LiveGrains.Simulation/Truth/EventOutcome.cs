namespace LiveGrains.Simulation.Truth;

/// <summary>What a correct system does with one event.</summary>
public enum EventOutcome
{
    /// <summary>First copy: it changes the LIVE.</summary>
    Accepted,

    /// <summary>Same event id, or an order, refund or violation already counted: it changes nothing.</summary>
    Duplicate,

    /// <summary>Refused (an order in another currency than the LIVE's).</summary>
    Rejected,
}
