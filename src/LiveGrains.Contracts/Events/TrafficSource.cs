namespace LiveGrains.Contracts.Events;

/// <summary>Where a viewer came into the LIVE from.</summary>
public enum TrafficSource { ForYou, Following, Search, ShortVideo, ProductPage, Profile, Other }
