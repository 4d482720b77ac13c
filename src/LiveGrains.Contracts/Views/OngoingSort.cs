namespace LiveGrains.Contracts.Views;

/// <summary>Sort orders of the Ongoing LIVEs page.</summary>
public enum OngoingSort
{
    /// <summary>Most recently started first.</summary>
    Latest,
    /// <summary>Earliest started first.</summary>
    Earliest,
    /// <summary>Lowest affiliate GMV first.</summary>
    AffiliateGmvAsc,
    /// <summary>Highest affiliate GMV first.</summary>
    AffiliateGmvDesc,
}
