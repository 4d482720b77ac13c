namespace LiveGrains.Contracts.Views;

/// <summary>LIVE status filter of the Ongoing LIVEs page.</summary>
public enum OngoingStatusFilter
{
    /// <summary>Every ongoing LIVE.</summary>
    All,
    /// <summary>Only LIVEs with a violation.</summary>
    InViolation,
    /// <summary>Only LIVEs that need attention.</summary>
    NeedAttention,
}
