using Microsoft.AspNetCore.Mvc;

namespace LiveGrains.Web.Auth;

/// <summary>
/// Guards every <c>/api/agencies/{agencyId}</c> route: an agency token reaches only its own agency (403
/// otherwise); internal-service tokens reach every agency.
/// </summary>
public sealed class AgencyAccessFilter : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var agencyId = http.Request.RouteValues["agencyId"] as string;
        if (http.User.CanReach(agencyId)) return await next(context);
        return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "Forbidden",
            Detail = $"This token belongs to agency '{http.User.AgencyId()}' and cannot reach agency '{agencyId}'.",
        });
    }
}
