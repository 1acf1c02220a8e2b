using System.Net;
using System.Text.Json;
using System.Net.Http.Json;

namespace Membership.Tests;

[Collection(MembershipCollection.Name)]
public sealed class ServiceEndpointsTests(MembershipService service)
{
    [Fact]
    public async Task Health_reports_the_database_and_the_broker()
    {
        using var client = service.Factory.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        var checks = report.GetProperty("entries").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains("membership-db", checks);
        Assert.Contains(checks, name => name.Contains("masstransit", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Alive_answers_without_dependencies()
    {
        using var client = service.Factory.CreateClient();

        var report = await client.GetFromJsonAsync<JsonElement>("/alive");

        Assert.Equal(["self"], report.GetProperty("entries").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_application_endpoint_at_its_gateway_path()
    {
        using var client = service.Factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/api/membership/openapi/v1.json");

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/membership/applications", out _));
    }

    [Fact]
    public async Task An_unknown_route_gets_problem_details()
    {
        using var client = service.Factory.CreateClient();

        var response = await client.GetAsync("/api/membership/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
