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
}
