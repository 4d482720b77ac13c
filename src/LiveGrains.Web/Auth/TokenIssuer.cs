using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LiveGrains.Web.Auth;

/// <summary>Holds the signing key and mints tokens (for the development sign-in and for tests).</summary>
public sealed class TokenIssuer
{
    private readonly AuthOptions _options;
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>Loads the key from configuration, or makes a random one when none is configured (embedded mode).</summary>
    public TokenIssuer(IOptions<AuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        var key = string.IsNullOrEmpty(_options.SigningKey) ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(_options.SigningKey);
        if (key.Length < 32) throw new InvalidOperationException($"{AuthOptions.Section}:SigningKey must be at least 32 bytes.");
        Key = new SymmetricSecurityKey(key);
    }

    /// <summary>The key tokens are signed and checked with.</summary>
    public SymmetricSecurityKey Key { get; }

    /// <summary>Issuer and audience.</summary>
    public string Issuer => _options.Issuer;

    /// <summary>A token for agency staff of <paramref name="agencyId"/>.</summary>
    public string ForAgency(string agencyId, TimeSpan? lifetime = null) =>
        Create(new Claim(LiveClaims.Agency, agencyId), new Claim(JwtRegisteredClaimNames.Sub, $"agency:{agencyId}"), lifetime);

    /// <summary>A token for an internal service.</summary>
    public string ForService(string name, TimeSpan? lifetime = null) =>
        Create(new Claim(ClaimTypes.Role, LiveClaims.ServiceRole), new Claim(JwtRegisteredClaimNames.Sub, $"service:{name}"), lifetime);

    private string Create(Claim first, Claim subject, TimeSpan? lifetime) =>
        _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            Subject = new ClaimsIdentity([first, subject]),
            Expires = DateTime.UtcNow + (lifetime ?? _options.DevTokenLifetime),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
}
