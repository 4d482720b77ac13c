namespace LiveGrains.Contracts.Events;

/// <summary>Viewer gender as reported by the platform.</summary>
public enum Gender { Female, Male, Unknown }
