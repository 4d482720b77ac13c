using System.Security.Claims;
using LiveGrains.LoadGen.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LiveGrains.LoadGen.Tests;

public sealed class TokenMinterTests
{
    private const string Key = "a-bench-signing-key-of-more-than-32-bytes";

    // The web host's parameters (LiveGrains.Web/Auth/AuthExtensions.cs), restated: referencing the web project would
    // make this test build the dashboard SPA too.
    private static TokenValidationParameters HostParameters(string key) => new()
    {
        ValidIssuer = "livegrains",
        ValidAudience = "livegrains",
        IssuerSigningKey = new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(key)),
        RoleClaimType = ClaimTypes.Role,
        NameClaimType = "sub",
        ClockSkew = TimeSpan.FromSeconds(30),
    };

    [Fact]
    public async Task A_minted_service_token_validates_with_the_hosts_parameters_and_carries_the_service_role()
    {
        var token = new TokenMinter(Key).ForService("loadgen");

        var result = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token, HostParameters(Key));

        result.IsValid.ShouldBeTrue(result.Exception?.Message);
        var user = new ClaimsPrincipal(result.ClaimsIdentity);
        user.IsInRole("service").ShouldBeTrue();
        user.Identity!.Name.ShouldBe("service:loadgen");
        ((DateTime)result.SecurityToken.ValidTo).ShouldBeLessThanOrEqualTo(DateTime.UtcNow.AddHours(1).AddMinutes(1));
    }

    [Fact]
    public async Task A_minted_agency_token_names_its_agency_and_is_no_service()
    {
        var token = new TokenMinter(Key).ForAgency("agency-7");

        var result = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token, HostParameters(Key));

        result.IsValid.ShouldBeTrue(result.Exception?.Message);
        var user = new ClaimsPrincipal(result.ClaimsIdentity);
        user.FindFirst("agency")?.Value.ShouldBe("agency-7");
        user.IsInRole("service").ShouldBeFalse();
    }

    [Fact]
    public async Task A_token_minted_with_another_key_is_refused()
    {
        var token = new TokenMinter(Key).ForService("loadgen");

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, HostParameters(Key + "-other"));

        result.IsValid.ShouldBeFalse();
    }

    [Fact]
    public void A_key_shorter_than_the_host_accepts_is_refused() =>
        Should.Throw<ArgumentException>(() => new TokenMinter("short"));
}
