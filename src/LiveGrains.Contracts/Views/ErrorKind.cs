namespace LiveGrains.Contracts.Views;

/// <summary>Why a command was refused; the web maps each to an HTTP status.</summary>
public enum ErrorKind
{
    /// <summary>The request itself is wrong (400).</summary>
    Invalid,
    /// <summary>The thing addressed does not exist (404).</summary>
    NotFound,
    /// <summary>It belongs to someone else (403).</summary>
    Forbidden,
    /// <summary>It conflicts with current state, e.g. a fourth pin (409).</summary>
    Conflict,
}
