namespace LiveGrains.Contracts.Views;

/// <summary>Where a LIVE is in its life.</summary>
public enum LiveStatus
{
    /// <summary>On air.</summary>
    Live,
    /// <summary>Ended by the creator.</summary>
    Ended,
    /// <summary>Ended by the platform for a violation.</summary>
    Suspended,
}
