namespace LiveGrains.Web.Auth;

/// <summary>Token settings (section <c>LiveGrains:Auth</c>).</summary>
public sealed class AuthOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "LiveGrains:Auth";

    /// <summary>HMAC-SHA256 signing key, at least 32 bytes. Embedded mode makes a random one per process when it is empty.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Token issuer and audience.</summary>
    public string Issuer { get; set; } = "livegrains";

    /// <summary>Offer the development sign-in (pick an agency). Embedded mode only: cluster mode refuses to start with it on.</summary>
    public bool DevSignIn { get; set; } = true;

    /// <summary>Lifetime of tokens made by the development sign-in.</summary>
    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(12);
}
