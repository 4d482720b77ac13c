namespace LiveGrains.Contracts.Events;

/// <summary>Why a LIVE stopped.</summary>
public enum LiveEndReason { Ended, Suspended }
