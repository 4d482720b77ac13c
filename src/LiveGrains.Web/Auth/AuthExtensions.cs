using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace LiveGrains.Web.Auth;

/// <summary>JWT bearer authentication and the authorization policies of the API and the hub.</summary>
public static class AuthExtensions
{
    /// <summary>Cookie the development sign-in sets, so the browser's API calls and hub negotiation carry the token.</summary>
    public const string TokenCookie = "lg_token";

    /// <summary>
    /// Every endpoint requires an authenticated caller unless it opts out; tokens come from the Authorization
    /// header, the <c>access_token</c> query (WebSockets and server-sent events cannot set headers) on the hub,
    /// or the development sign-in cookie.
    /// </summary>
    public static IServiceCollection AddLiveGrainsAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));
        services.AddSingleton<TokenIssuer>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TokenIssuer>((o, issuer) =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = issuer.Issuer,
                ValidAudience = issuer.Issuer,
                IssuerSigningKey = issuer.Key,
                RoleClaimType = System.Security.Claims.ClaimTypes.Role,
                NameClaimType = "sub",
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            o.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    if (string.IsNullOrEmpty(context.Token) && context.HttpContext.Request.Path.StartsWithSegments("/hubs"))
                    {
                        context.Token = context.Request.Query["access_token"];
                    }
                    if (string.IsNullOrEmpty(context.Token) && context.Request.Cookies.TryGetValue(TokenCookie, out var cookie))
                    {
                        context.Token = cookie;
                    }
                    return Task.CompletedTask;
                },
            };
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(LiveClaims.ServicePolicy, p => p.RequireRole(LiveClaims.ServiceRole));
        return services;
    }
}
