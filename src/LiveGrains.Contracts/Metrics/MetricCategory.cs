namespace LiveGrains.Contracts.Metrics;

/// <summary>Groups metrics in the customise dialogs.</summary>
public enum MetricCategory { Sales, Traffic, Products, Engagement }
