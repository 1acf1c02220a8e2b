using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Nege.Billing;
using Nege.Testing;

namespace Billing.Tests;

/// <summary><c>--migrate</c> (deploy jobs) and failing fast on missing configuration, on the built service run as a process.</summary>
[Collection(BillingCollection.Name)]
public sealed class MigrateSwitchTests(BillingService service)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Migrate_applies_the_migrations_to_a_fresh_database_and_exits_by_itself_with_code_0()
    {
        var database = await service.Infrastructure.CreateDatabaseAsync("billing-migrate");
        Assert.Empty(await DatabaseInspection.TablesAsync(database));

        var outcome = await ServiceProcess.RunToExitAsync(["--migrate"], new Dictionary<string, string?>
        {
            ["ConnectionStrings__billing-db"] = database,
            ["ConnectionStrings__messaging"] = service.Infrastructure.RabbitMqConnectionString,
            ["Identity__Issuer"] = service.Tokens.Issuer,
        }, Deadline);

        Assert.True(outcome.ExitCode == 0, $"exit code {outcome.ExitCode}; output:\n{outcome.Output}");
        Assert.Contains("Applying", outcome.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening on", outcome.Output, StringComparison.Ordinal);
        var tables = await DatabaseInspection.TablesAsync(database);
        Assert.Contains("outbox_messages", tables);
        Assert.Contains("inbox_messages", tables);
        Assert.Contains("__ef_migrations_history", tables);
        Assert.Equal(AllMigrations(), await DatabaseInspection.AppliedMigrationsAsync(database));
    }

    [Fact]
    public async Task Migrate_on_an_up_to_date_database_changes_nothing_and_exits_with_code_0()
    {
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__billing-db"] = service.DatabaseConnectionString,
            ["ConnectionStrings__messaging"] = service.Infrastructure.RabbitMqConnectionString,
            ["Identity__Issuer"] = service.Tokens.Issuer,
        };
        var before = await DatabaseInspection.AppliedMigrationsAsync(service.DatabaseConnectionString);

        var outcome = await ServiceProcess.RunToExitAsync(["--migrate"], environment, Deadline);

        Assert.True(outcome.ExitCode == 0, $"exit code {outcome.ExitCode}; output:\n{outcome.Output}");
        Assert.DoesNotContain("Applying", outcome.Output, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseInspection.AppliedMigrationsAsync(service.DatabaseConnectionString));
    }

    [Theory]
    [InlineData("ConnectionStrings__billing-db")]
    [InlineData("ConnectionStrings__messaging")]
    [InlineData("Identity__Issuer")]
    public async Task A_missing_connection_string_or_issuer_stops_the_start_at_once_with_a_message_naming_the_key(string missing)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__billing-db"] = await service.Infrastructure.CreateDatabaseAsync("billing-missing"),
            ["ConnectionStrings__messaging"] = service.Infrastructure.RabbitMqConnectionString,
            ["Identity__Issuer"] = service.Tokens.Issuer,
            [missing] = null,
        };

        var outcome = await ServiceProcess.RunToExitAsync([], environment, Deadline);

        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Contains(missing, outcome.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening on", outcome.Output, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> AllMigrations()
    {
        var services = new ServiceCollection()
            .AddDbContext<BillingDbContext>(options => options.UseNpgsql("Host=localhost"))
            .BuildServiceProvider();
        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<BillingDbContext>().Database.GetMigrations().Order(StringComparer.Ordinal).ToList();
    }
}
