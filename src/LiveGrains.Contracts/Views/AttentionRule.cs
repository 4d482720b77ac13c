namespace LiveGrains.Contracts.Views;

/// <summary>The rules that can raise "Need Attention" on a LIVE.</summary>
public enum AttentionRule
{
    /// <summary>The LIVE has an active violation.</summary>
    Violation,
    /// <summary>Viewers fell sharply from their recent peak.</summary>
    ViewerDrop,
    /// <summary>No order for a while after sales began.</summary>
    NoOrders,
    /// <summary>Comments, likes and shares per minute fell sharply.</summary>
    EngagementDrop,
}
