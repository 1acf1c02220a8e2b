using System.Net.Http.Json;
using System.Text.Json;

namespace Membership.Tests;

[Collection(MembershipCollection.Name)]
public sealed class ServiceEndpointsTests(MembershipService service)
{
    [Fact]
    public async Task The_OpenAPI_document_describes_the_application_endpoint_at_its_gateway_path()
    {
        using var client = service.Factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/api/membership/openapi/v1.json");

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/membership/application-drafts", out var path));
        Assert.True(path.TryGetProperty("post", out _));
    }
}
