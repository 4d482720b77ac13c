using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LiveGrains.LoadGen.Auth;

/// <summary>
/// Mints the bearer tokens a load run needs from the host's shared HMAC key: a service token for ingest and reads, and
/// agency tokens for the dashboards. The claims are the ones the web host's <c>TokenIssuer</c> puts in, so the host
/// cannot tell these tokens from its own; the load generator does not reference the web project to stay a client.
/// </summary>
public sealed class TokenMinter
{
    /// <summary>Role claim type the host maps to roles (the long WS-Federation URI, since the host keeps inbound claim names).</summary>
    public const string RoleClaim = ClaimTypes.Role;

    /// <summary>How long a minted token lives: longer than any bounded run, short enough that a leaked one soon is useless.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    private readonly JsonWebTokenHandler _handler = new();
    private readonly SigningCredentials _credentials;

    /// <summary>A minter for <paramref name="signingKey"/> (UTF-8, at least 32 bytes, as the host requires) and <paramref name="issuer"/>.</summary>
    public TokenMinter(string signingKey, string issuer = "livegrains")
    {
        ArgumentException.ThrowIfNullOrEmpty(signingKey);
        ArgumentException.ThrowIfNullOrEmpty(issuer);
        var key = Encoding.UTF8.GetBytes(signingKey);
        // The host refuses to start with a shorter key, so a shorter one here can only be a typo.
        if (key.Length < 32) throw new ArgumentException("The signing key must be at least 32 bytes.", nameof(signingKey));
        Key = new SymmetricSecurityKey(key);
        Issuer = issuer;
        _credentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256);
    }

    /// <summary>The key tokens are signed with.</summary>
    public SymmetricSecurityKey Key { get; }

    /// <summary>Issuer and audience.</summary>
    public string Issuer { get; }

    /// <summary>An internal-service token: may ingest and read any LIVE.</summary>
    public string ForService(string name, TimeSpan? lifetime = null) =>
        Create([new Claim(RoleClaim, "service"), new Claim(JwtRegisteredClaimNames.Sub, $"service:{name}")], lifetime);

    /// <summary>A token of agency staff: may watch that agency's dashboard.</summary>
    public string ForAgency(string agencyId, TimeSpan? lifetime = null) =>
        Create([new Claim("agency", agencyId), new Claim(JwtRegisteredClaimNames.Sub, $"agency:{agencyId}")], lifetime);

    private string Create(Claim[] claims, TimeSpan? lifetime)
    {
        var now = DateTime.UtcNow;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            Subject = new ClaimsIdentity(claims),
            NotBefore = now,
            IssuedAt = now,
            Expires = now + (lifetime ?? DefaultLifetime),
            SigningCredentials = _credentials,
        });
    }
}
