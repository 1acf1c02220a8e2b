using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nege.ServiceDefaults;

namespace Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class RoutingTests(GatewayFixture fixture)
{
    private GatewayHost Gateway => fixture.Gateway;

    [Fact]
    public async Task An_api_request_reaches_its_service_with_path_query_and_forwarded_headers()
    {
        var path = $"/api/membership/organisations/{Guid.NewGuid():N}/contacts";

        var response = await Gateway.SignedInClient.GetAsync($"{path}?page=2&tri=nom");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = Assert.Single(Gateway[ResourceNames.Membership].SeenAt(path));
        Assert.Equal("GET", seen.Method);
        Assert.Equal("?page=2&tri=nom", seen.Query);
        Assert.Equal("127.0.0.1", seen.ForwardedFor);
        Assert.Equal("http", seen.ForwardedProto);
        Assert.Equal(Gateway.Address.Authority, seen.ForwardedHost);
        Assert.Equal(seen, await response.Content.ReadFromJsonAsync<SeenRequest>());
    }

    [Theory]
    [InlineData(ResourceNames.Membership)]
    [InlineData(ResourceNames.Billing)]
    [InlineData(ResourceNames.Directory)]
    [InlineData(ResourceNames.Candidates)]
    [InlineData(ResourceNames.Notifications)]
    public async Task Each_service_gets_its_own_api_prefix_and_no_other_service_sees_it(string service)
    {
        var path = $"/api/{service}/{Guid.NewGuid():N}";

        using var content = new StringContent("""{"nom":"Exemple"}""", System.Text.Encoding.UTF8, "application/json");
        var response = await Gateway.SignedInClient.PutAsync(path, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = Assert.Single(Gateway[service].SeenAt(path));
        Assert.Equal("PUT", seen.Method);
        Assert.Equal(17, seen.BodyLength);
        Assert.All(Gateway.Stubs.Where(stub => stub.Name != service), stub => Assert.Empty(stub.SeenAt(path)));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/annuaire/entreprise-exemple")]
    [InlineData("/css/site.css")]
    [InlineData("/apiculture")]
    public async Task Everything_outside_the_api_goes_to_the_site(string path)
    {
        var before = Gateway[ResourceNames.Site].SeenAt(path).Count;

        var response = await Gateway.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = await response.Content.ReadFromJsonAsync<SeenRequest>();
        Assert.Equal(ResourceNames.Site, seen?.Service);
        Assert.Equal(path, seen?.Path);
        Assert.Equal(before + 1, Gateway[ResourceNames.Site].SeenAt(path).Count);
    }

    [Theory]
    [InlineData("/api/nothing/here")]
    [InlineData("/api/membershipx/organisations")]
    [InlineData("/api/site/accueil")]
    [InlineData("/api/gateway")]
    public async Task An_api_path_no_service_owns_gets_404_problem_details_in_french(string path)
    {
        var response = await Gateway.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("Ressource introuvable.", problem.GetProperty("title").GetString());
        Assert.Equal($"Aucun service ne répond à l'adresse {path}.", problem.GetProperty("detail").GetString());
        Assert.All(Gateway.Stubs, stub => Assert.Empty(stub.SeenAt(path)));
    }

    [Fact]
    public async Task A_service_openapi_document_is_fetched_from_that_service()
    {
        var response = await Gateway.Client.GetAsync("/api/billing/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(Gateway[ResourceNames.Billing].SeenAt("/api/billing/openapi/v1.json"));
    }

    [Fact]
    public async Task The_docs_page_lists_every_service_document_at_its_gateway_path()
    {
        var response = await Gateway.Client.GetAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>NEGE — API</title>", page, StringComparison.Ordinal);
        foreach (var service in ResourceNames.ApiServices)
        {
            // Scalar resolves these against the application's root (its page is /docs/): /api/<service>/openapi/v1.json.
            Assert.Contains($"{{\"title\":\"{service}\",\"url\":\"api/{service}/openapi/v1.json\"}}", page, StringComparison.Ordinal);
        }

        Assert.All(Gateway.Stubs, stub => Assert.Empty(stub.SeenAt("/docs/")));
    }
}
