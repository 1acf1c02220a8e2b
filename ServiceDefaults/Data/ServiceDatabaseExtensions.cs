using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nege.ServiceDefaults.Messaging;

namespace Nege.ServiceDefaults.Data;

public static class ServiceDatabaseExtensions
{
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    /// <summary>
    /// Registers the service's own PostgreSQL database (connection string <paramref name="connectionName"/>)
    /// with the interceptor that wakes the outbox relay when a transaction commits, then lets Aspire's
    /// Npgsql integration add its health check, tracing and metrics. Aspire's retrying execution
    /// strategy stays off: the services open their own transactions (row locks, inbox, outbox),
    /// which it refuses; the relay and the jobs retry on their own.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TDbContext>(this IHostApplicationBuilder builder, string connectionName)
        where TDbContext : DbContext
    {
        var connectionString = builder.Configuration.GetRequiredConnectionString(connectionName);
        // The options built once, not for every request's context (a measurable share of a cached search's CPU).
        builder.Services.AddDbContext<TDbContext>(
            options => options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable)),
            contextLifetime: ServiceLifetime.Scoped, optionsLifetime: ServiceLifetime.Singleton);
        builder.Services.AddCommitSignal<TDbContext, OutboxMessage>();
        builder.EnrichNpgsqlDbContext<TDbContext>(settings => settings.DisableRetry = true);
        return builder;
    }
}
