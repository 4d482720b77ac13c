namespace LiveGrains.Web.Hosting;

/// <summary>How the web host reaches grains (<c>LiveGrains:Mode</c>).</summary>
public enum LiveGrainsMode
{
    /// <summary>One process: a co-hosted localhost silo with in-memory storage, streams and history, and the demo simulator.</summary>
    Embedded,

    /// <summary>An Orleans client of a silo cluster on Postgres; history from Postgres; no demo, no development sign-in.</summary>
    Cluster,
}
