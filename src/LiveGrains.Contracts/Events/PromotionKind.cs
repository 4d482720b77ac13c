namespace LiveGrains.Contracts.Events;

/// <summary>The kind of promotion run during a LIVE.</summary>
public enum PromotionKind { FlashSale, Giveaway, Coupon }
