using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using LiveGrains.E2E.Support;

namespace LiveGrains.E2E;

/// <summary>The dashboard's hand-written API types, checked against the host's OpenAPI document.</summary>
public sealed partial class ApiContractTests(E2EFixture fixture)
{
    // Where the SPA's name for a shape differs from the schema's.
    private static readonly Dictionary<string, string> SchemaNames = new()
    {
        ["MetricCatalog"] = "CatalogResponse",
        ["Page"] = "PageOfLiveSummary",
    };

    [Fact]
    public async Task Dashboard_types_have_the_same_fields_as_the_openapi_schemas()
    {
        using var client = new HttpClient { BaseAddress = fixture.Host.BaseAddress };
        var document = await client.GetFromJsonAsync<JsonDocument>(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        var schemas = document!.RootElement.GetProperty("components").GetProperty("schemas");

        var source = await File.ReadAllTextAsync(Path.Combine(E2EFixture.RepositoryRoot(), "src", "LiveGrains.Dashboard", "src", "api", "types.ts"), TestContext.Current.CancellationToken);
        var compared = 0;
        foreach (Match match in Interface().Matches(source))
        {
            var name = match.Groups["name"].Value;
            var schemaName = SchemaNames.GetValueOrDefault(name, name);
            if (!schemas.TryGetProperty(schemaName, out var schema) || !schema.TryGetProperty("properties", out var properties)) continue;
            var expected = properties.EnumerateObject().Select(p => p.Name).Order().ToList();
            var actual = Property().Matches(match.Groups["body"].Value).Select(m => m.Groups["prop"].Value).Order().ToList();
            actual.ShouldBe(expected, $"fields of {name} (schema {schemaName})");
            compared++;
        }
        compared.ShouldBeGreaterThan(15);
    }

    [GeneratedRegex(@"export interface (?<name>\w+)(?:<\w+>)? \{(?<body>[^}]*)\}", RegexOptions.Singleline)]
    private static partial Regex Interface();

    [GeneratedRegex(@"^\s+(?<prop>\w+)\??:", RegexOptions.Multiline)]
    private static partial Regex Property();
}
