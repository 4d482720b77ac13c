using LiveGrains.Simulation;
using LiveGrains.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LiveGrains.Web.Apis;

/// <summary>
/// The development sign-in of embedded mode: pick an agency and get its token (also set as a cookie, so the
/// dashboard's requests and hub carry it). Never mapped in cluster mode.
/// </summary>
public static class DevSignInApi
{
    /// <summary>Sign-in request.</summary>
    /// <param name="AgencyId">The agency to act as.</param>
    public sealed record SignInRequest(string AgencyId);

    /// <summary>Sign-in answer.</summary>
    /// <param name="Token">Bearer token.</param>
    /// <param name="AgencyId">Its agency.</param>
    public sealed record SignInResponse(string Token, string AgencyId);

    /// <summary>A demo agency to pick.</summary>
    /// <param name="AgencyId">Agency id.</param>
    /// <param name="Name">Display name.</param>
    public sealed record DevAgency(string AgencyId, string Name);

    /// <summary>Maps the sign-in routes when <see cref="AuthOptions.DevSignIn"/> is on.</summary>
    public static void MapDevSignInApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value.DevSignIn) return;
        var group = app.MapGroup("/api/dev").WithTags("Development sign-in").AllowAnonymous();
        group.MapGet("/agencies", (IOptions<SimulationOptions> demo) =>
                TypedResults.Ok(new LiveWorld(demo.Value).Agencies.Select(a => new DevAgency(a.AgencyId, a.Name)).ToList()))
            .WithName("ListDemoAgencies").WithSummary("Agencies of the demo world, to pick one to sign in as");
        group.MapPost("/sign-in", SignIn).WithName("DevSignIn").WithSummary("Sign in as agency staff (embedded mode only)");
        group.MapPost("/sign-out", (HttpContext http) =>
        {
            http.Response.Cookies.Delete(AuthExtensions.TokenCookie);
            return TypedResults.NoContent();
        }).WithName("DevSignOut").WithSummary("Forget the sign-in cookie");
    }

    private static Results<Ok<SignInResponse>, ValidationProblem> SignIn(SignInRequest request, TokenIssuer issuer, HttpContext http, IOptions<AuthOptions> options)
    {
        if (string.IsNullOrWhiteSpace(request?.AgencyId)) return ApiResults.Invalid("agencyId", "is required");
        var token = issuer.ForAgency(request.AgencyId.Trim());
        http.Response.Cookies.Append(AuthExtensions.TokenCookie, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            MaxAge = options.Value.DevTokenLifetime,
        });
        return TypedResults.Ok(new SignInResponse(token, request.AgencyId.Trim()));
    }
}
