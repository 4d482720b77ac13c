namespace LiveGrains.Contracts.Events;

/// <summary>Whether the creator sells their own shop's products or promotes others' as an affiliate.</summary>
public enum CreatorType { Seller, Affiliate }
