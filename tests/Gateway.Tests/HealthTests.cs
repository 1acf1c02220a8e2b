using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nege.ServiceDefaults;
using Nege.Testing;

namespace Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class HealthTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Health_names_every_service_and_the_site_as_healthy()
    {
        var response = await fixture.Gateway.Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        var entries = report.GetProperty("entries");
        foreach (var name in GatewayHost.Downstream)
        {
            Assert.Equal("Healthy", entries.GetProperty(name).GetProperty("status").GetString());
            Assert.Contains(fixture.Gateway[name].Address.Authority, entries.GetProperty(name).GetProperty("description").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Health_asks_each_service_its_own_health()
    {
        var probesBefore = fixture.Gateway.Stubs.ToDictionary(stub => stub.Name, stub => stub.HealthProbes);

        Assert.Equal(HttpStatusCode.OK, (await fixture.Gateway.Client.GetAsync("/health")).StatusCode);

        Assert.All(fixture.Gateway.Stubs, stub => Assert.True(stub.HealthProbes > probesBefore[stub.Name], $"{stub.Name} was not probed"));
    }

    [Fact]
    public async Task Alive_answers_without_asking_the_services()
    {
        var probesBefore = fixture.Gateway.Stubs.Sum(stub => stub.HealthProbes);

        var response = await fixture.Gateway.Client.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["self"], report.GetProperty("entries").EnumerateObject().Select(entry => entry.Name));
        Assert.Equal(probesBefore, fixture.Gateway.Stubs.Sum(stub => stub.HealthProbes));
    }
}

/// <summary>Tests that take services down: each on a gateway of its own.</summary>
public sealed class DownstreamFailureTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Health_is_503_naming_the_service_that_stopped_while_the_others_stay_healthy()
    {
        await using var gateway = await GatewayHost.StartAsync();
        await gateway[ResourceNames.Billing].StopAsync();

        JsonElement report = default;
        await Eventually.UntilAsync(async () =>
        {
            using var response = await gateway.Client.GetAsync("/health");
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                return false;
            }

            report = await response.Content.ReadFromJsonAsync<JsonElement>();
            return true;
        }, Deadline, "the gateway's /health answers 503");

        Assert.Equal("Unhealthy", report.GetProperty("status").GetString());
        var entries = report.GetProperty("entries");
        var billing = entries.GetProperty(ResourceNames.Billing);
        Assert.Equal("Unhealthy", billing.GetProperty("status").GetString());
        Assert.Equal($"{gateway[ResourceNames.Billing].Address.Authority} ne répond pas.", billing.GetProperty("description").GetString());
        foreach (var name in GatewayHost.Downstream.Where(name => name != ResourceNames.Billing))
        {
            Assert.Equal("Healthy", entries.GetProperty(name).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task A_stopped_service_gets_a_502_problem_in_french_and_the_others_still_answer()
    {
        await using var gateway = await GatewayHost.StartAsync();
        await gateway[ResourceNames.Notifications].StopAsync();

        var response = await gateway.SignedInClient.GetAsync("/api/notifications/preferences");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Le service demandé ne répond pas.", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, (await gateway.SignedInClient.GetAsync("/api/membership/organisations")).StatusCode);
    }

    [Fact]
    public async Task A_service_answering_503_is_probed_once_and_reported_with_its_status()
    {
        await using var gateway = await GatewayHost.StartAsync();
        var site = gateway[ResourceNames.Site];
        site.HealthStatus = HttpStatusCode.ServiceUnavailable;
        var probesBefore = site.HealthProbes;

        var response = await gateway.Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var entry = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entries").GetProperty(ResourceNames.Site);
        Assert.Equal("Unhealthy", entry.GetProperty("status").GetString());
        Assert.Equal($"{site.Address.Authority} répond 503.", entry.GetProperty("description").GetString());
        Assert.Equal(probesBefore + 1, site.HealthProbes);
    }
}
