using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Site.Tests;

[Collection(SiteCollection.Name)]
public sealed class ProbeTests(SiteFixture site)
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task Probes_answer_healthy_json(string path)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        Assert.Equal("Healthy", report.GetProperty("entries").GetProperty("self").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_session_keys_live_in_the_sites_database_so_every_replica_reads_the_cookies()
    {
        using var client = site.CreateClient();
        await client.GetAsync("/connexion");

        var tables = await Nege.Testing.DatabaseInspection.TablesAsync(site.DatabaseConnectionString);
        Assert.Contains("data_protection_keys", tables);
        var keys = await site.QueryKeysAsync();
        Assert.NotEqual(0, keys);
    }
}
