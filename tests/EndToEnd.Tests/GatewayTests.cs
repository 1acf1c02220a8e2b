using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nege.ServiceDefaults;
using Nege.Testing;

namespace EndToEnd.Tests;

[Collection(SystemCollection.Name)]
public sealed class GatewayTests(RunningSystem system)
{
    [Fact]
    public async Task Gateway_health_names_every_service_and_the_site()
    {
        var response = await system.Gateway.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        var entries = report.GetProperty("entries");
        foreach (var service in ResourceNames.ApiServices.Append(ResourceNames.Site))
        {
            Assert.Equal("Healthy", entries.GetProperty(service).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task An_unknown_api_route_gets_404_problem_details()
    {
        var response = await system.Gateway.GetAsync("/api/inconnu/quelque-chose");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_oversize_body_gets_413_problem_details()
    {
        var body = new ByteArrayContent(new byte[11 * 1024 * 1024]);
        body.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/membership/application-drafts") { Content = body };
        // As browsers and curl do for large bodies: the gateway answers before the body is sent.
        request.Headers.ExpectContinue = true;

        var response = await system.Gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_site_and_the_api_documentation_are_served_through_the_gateway()
    {
        var home = await system.Gateway.GetStringAsync("/");
        Assert.Contains("lang=\"fr\"", home, StringComparison.Ordinal);
        Assert.Contains("Numéric'Emploi Grand Est", home, StringComparison.Ordinal);

        var docs = await system.Gateway.GetStringAsync("/docs/");
        foreach (var service in ResourceNames.ApiServices)
        {
            // Scalar resolves document URLs against the application's root, not against /docs/.
            Assert.Contains($"\"url\":\"api/{service}/openapi/v1.json\"", docs, StringComparison.Ordinal);
            var document = await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/{service}/openapi/v1.json");
            Assert.StartsWith("NEGE", document.GetProperty("info").GetProperty("title").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Gateway_health_turns_unhealthy_when_a_service_stops_and_recovers_when_it_is_back()
    {
        try
        {
            await system.StopAsync(ResourceNames.Billing);
            await Eventually.UntilAsync(async () =>
            {
                using var response = await system.Gateway.GetAsync("/health");
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    return false;
                }

                var report = await response.Content.ReadFromJsonAsync<JsonElement>();
                return report.GetProperty("entries").GetProperty(ResourceNames.Billing).GetProperty("status").GetString() == "Unhealthy"
                       && report.GetProperty("entries").GetProperty(ResourceNames.Membership).GetProperty("status").GetString() == "Healthy";
            }, TimeSpan.FromSeconds(30), "the gateway reports billing down and the others up");
        }
        finally
        {
            await system.StartAsync(ResourceNames.Billing);
        }

        await Eventually.UntilAsync(async () =>
        {
            using var response = await system.Gateway.GetAsync("/health");
            return response.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(60), "the gateway is healthy again");
    }
}
