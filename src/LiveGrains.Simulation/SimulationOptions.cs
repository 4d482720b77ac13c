namespace LiveGrains.Simulation;

/// <summary>Shape of a simulated world (section <c>LiveGrains:Demo</c> for the embedded demo).</summary>
public sealed class SimulationOptions
{
    /// <summary>Configuration section of the embedded demo.</summary>
    public const string Section = "LiveGrains:Demo";

    /// <summary>Whether the embedded host runs the demo simulator.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seed; the same seed gives the same world and the same events.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Agencies in the world.</summary>
    public int Agencies { get; set; } = 3;

    /// <summary>Creators per agency.</summary>
    public int CreatorsPerAgency { get; set; } = 14;

    /// <summary>LIVEs kept on air at once (fewer when there are fewer creators).</summary>
    public int ConcurrentLives { get; set; } = 30;

    /// <summary>Shortest and longest planned LIVE, in minutes.</summary>
    public int MinLiveMinutes { get; set; } = 15;

    /// <inheritdoc cref="MinLiveMinutes"/>
    public int MaxLiveMinutes { get; set; } = 90;

    /// <summary>Completed LIVEs per creator generated into the past at start, so All LIVEs has history.</summary>
    public int HistoryPerCreator { get; set; } = 3;

    /// <summary>Multiplier on every event rate (load tests raise it).</summary>
    public double RateScale { get; set; } = 1.0;

    /// <summary>
    /// Whether LIVEs on air at the first step start up to 40 minutes in the past with their past simulated (the demo
    /// looks lived-in). Load tests turn it off: for thousands of LIVEs that past is tens of millions of events.
    /// </summary>
    public bool WarmStart { get; set; } = true;
}
