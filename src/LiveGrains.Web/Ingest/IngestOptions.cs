namespace LiveGrains.Web.Ingest;

/// <summary>Limits of the ingest endpoint (section <c>LiveGrains:Ingest</c>).</summary>
public sealed class IngestOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "LiveGrains:Ingest";

    /// <summary>Largest request body accepted, in bytes.</summary>
    public long MaxBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Most events in one request.</summary>
    public int MaxEvents { get; set; } = 10_000;

    /// <summary>Sustained ingest requests a second per token.</summary>
    public int RequestsPerSecond { get; set; } = 200;

    /// <summary>Requests a token may send at once above the sustained rate.</summary>
    public int BurstRequests { get; set; } = 400;
}
