namespace LiveGrains.Contracts.Events;

/// <summary>What the platform did about a violation.</summary>
public enum ViolationAction { Warning, Suspension }
