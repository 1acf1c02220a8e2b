using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Nege.Testing;

/// <summary>
/// What every business service promises, whatever it does: probes, its OpenAPI document at its
/// gateway path, problem details for unknown routes, and its migrations applied at start-up.
/// Each service's test project runs these through a derived class.
/// </summary>
public abstract class ServiceConventionTests<TProgram, TDbContext>(ServiceUnderTest<TProgram, TDbContext> service, string openApiTitle)
    where TProgram : class
    where TDbContext : DbContext
{
    [Fact]
    public async Task Health_reports_the_database_and_the_broker()
    {
        using var client = service.Factory.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        var entries = report.GetProperty("entries");
        // Aspire's Npgsql EF Core integration names its check after the DbContext.
        Assert.Contains(entries.EnumerateObject(), entry =>
            entry.Name.EndsWith("DbContext", StringComparison.Ordinal) && entry.Value.GetProperty("status").GetString() == "Healthy");
        Assert.Contains(entries.EnumerateObject(), entry => entry.Name.Contains("masstransit", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Alive_answers_without_dependencies()
    {
        using var client = service.Factory.CreateClient();

        var response = await client.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["self"], report.GetProperty("entries").EnumerateObject().Select(entry => entry.Name));
    }

    [Fact]
    public async Task The_OpenAPI_document_is_served_at_the_gateway_path_with_the_French_title()
    {
        using var client = service.Factory.CreateClient();

        var response = await client.GetAsync($"/api/{service.ServiceName}/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal(openApiTitle, document.GetProperty("info").GetProperty("title").GetString());
        Assert.Equal("v1", document.GetProperty("info").GetProperty("version").GetString());
    }

    [Fact]
    public async Task An_unknown_route_gets_problem_details()
    {
        using var client = service.Factory.CreateClient();

        var response = await client.GetAsync($"/api/{service.ServiceName}/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("Ressource introuvable.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Starting_on_an_empty_database_creates_the_outbox_inbox_and_history_tables()
    {
        var tables = await DatabaseInspection.TablesAsync(service.DatabaseConnectionString);

        Assert.Contains("outbox_messages", tables);
        Assert.Contains("inbox_messages", tables);
        Assert.Contains("__ef_migrations_history", tables);
    }

    [Fact]
    public async Task Every_migration_is_applied_and_none_is_pending()
    {
        var (all, applied, pending) = await service.QueryAsync(async db => (
            db.Database.GetMigrations().ToList(),
            (await db.Database.GetAppliedMigrationsAsync()).ToList(),
            (await db.Database.GetPendingMigrationsAsync()).ToList()));

        Assert.NotEmpty(all);
        Assert.Equal(all, applied);
        Assert.Empty(pending);
    }
}
