using System.Text.Json;
using LiveGrains.Contracts.Json;
using LiveGrains.Contracts.Views;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveGrains.Web.Apis;

/// <summary>Problem details (RFC 7807) for refusals, and the wire spelling of enums in query strings.</summary>
public static class ApiResults
{
    /// <summary>A route group under <c>/api/agencies/{agencyId}</c>, guarded so a token reaches only its own agency.</summary>
    public static RouteGroupBuilder MapAgencyGroup(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup("/api/agencies/{agencyId}" + prefix).WithTags(tag).AddEndpointFilter<Auth.AgencyAccessFilter>();

    /// <summary>A 400 naming the field and what is wrong with it.</summary>
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: $"{field}: {message}");

    /// <summary>The problem for a refused grain command, with the status its kind implies.</summary>
    public static ProblemHttpResult Refused(OperationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var status = result.Error switch
        {
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return TypedResults.Problem(result.Message, statusCode: status);
    }

    /// <summary>Parses an optional query value spelled as in JSON (<c>in_violation</c>); an unknown value names the allowed ones.</summary>
    public static bool TryParseEnum<TEnum>(string? value, string field, out TEnum? parsed, out ValidationProblem? problem) where TEnum : struct, Enum
    {
        parsed = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(value)) return true;
        try
        {
            parsed = JsonSerializer.Deserialize<TEnum>(JsonSerializer.Serialize(value.Trim()), LiveJson.Options);
            return true;
        }
        catch (JsonException)
        {
            var allowed = Enum.GetValues<TEnum>().Select(WireNames.Of);
            problem = Invalid(field, $"'{value}' is not one of: {string.Join(", ", allowed)}");
            return false;
        }
    }
}
