using System.Security.Claims;

namespace LiveGrains.Web.Auth;

/// <summary>The claims LiveGrains reads from a token, and what they allow.</summary>
public static class LiveClaims
{
    /// <summary>Claim holding the agency an agency token belongs to.</summary>
    public const string Agency = "agency";

    /// <summary>Role of internal services: ingest, admin routes, and reading any agency.</summary>
    public const string ServiceRole = "service";

    /// <summary>Policy name for routes only internal services may call.</summary>
    public const string ServicePolicy = "service";

    /// <summary>Whether <paramref name="user"/> may reach <paramref name="agencyId"/>'s data.</summary>
    public static bool CanReach(this ClaimsPrincipal user, string? agencyId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(ServiceRole) || (agencyId is not null && user.FindFirstValue(Agency) == agencyId);
    }

    /// <summary>The agency of an agency token, or null.</summary>
    public static string? AgencyId(this ClaimsPrincipal user) => user?.FindFirstValue(Agency);
}
