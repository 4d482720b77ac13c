namespace LiveGrains.Web.Ingest;

/// <summary>Why a whole ingest request was refused (nothing in it was accepted).</summary>
/// <param name="StatusCode">400 for a malformed request, 413 for one over the limits.</param>
/// <param name="Detail">What is wrong, naming the position or the limit.</param>
public sealed record IngestRequestError(int StatusCode, string Detail);
