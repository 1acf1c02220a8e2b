using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Nege.ServiceDefaults.Data;

public static class DatabaseMigrator
{
    /// <summary>
    /// Applies the service's migrations, then runs it; with <c>--migrate</c> only migrates and exits
    /// (for deploy jobs).
    /// </summary>
    public static async Task RunWithMigrationsAsync<TDbContext>(this WebApplication app, string[] args)
        where TDbContext : DbContext
    {
        await app.Services.MigrateAsync<TDbContext>(app.Lifetime.ApplicationStopping);
        if (args.Contains("--migrate", StringComparer.Ordinal))
        {
            return;
        }

        await app.RunAsync();
    }

    /// <summary>
    /// Creates the database if it does not exist, then applies pending migrations while holding a
    /// PostgreSQL advisory lock, so that several replicas starting together migrate once.
    /// </summary>
    public static async Task MigrateAsync<TDbContext>(this IServiceProvider services, CancellationToken cancellationToken)
        where TDbContext : DbContext
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrator));
        var connectionString = db.Database.GetConnectionString()
                               ?? throw new InvalidOperationException($"{typeof(TDbContext).Name} has no connection string.");

        await PostgresDatabase.EnsureExistsAsync(connectionString, cancellationToken);

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var lockKey = LockKey(typeof(TDbContext).FullName!);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({lockKey})", cancellationToken);
            try
            {
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                if (pending.Count > 0)
                {
                    logger.LogInformation("Applying {Count} migration(s) to {Database}: {Migrations}",
                        pending.Count, db.Database.GetDbConnection().Database, string.Join(", ", pending));
                    await db.Database.MigrateAsync(cancellationToken);
                }
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({lockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static long LockKey(string name) => AdvisoryLock.KeyOf("nege-migrations:" + name);
}
