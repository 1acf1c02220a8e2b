using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nege.ServiceDefaults.Messaging;

namespace Nege.ServiceDefaults.Data;

public static class ServiceDatabaseExtensions
{
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    /// <summary>
    /// Registers the service's own PostgreSQL database (connection string <paramref name="connectionName"/>),
    /// its health check, and the interceptor that wakes the outbox relay when a transaction commits.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TDbContext>(this IHostApplicationBuilder builder, string connectionName)
        where TDbContext : DbContext
    {
        var connectionString = builder.Configuration.GetRequiredConnectionString(connectionName);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxCommitInterceptor>();
        builder.Services.AddDbContext<TDbContext>((services, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable))
            .AddInterceptors(services.GetRequiredService<OutboxCommitInterceptor>()));
        builder.Services.AddHealthChecks().AddDbContextCheck<TDbContext>(connectionName, tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }
}
