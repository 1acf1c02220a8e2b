using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nege.Billing;
using Nege.ServiceDefaults.Data;
using Nege.Testing;
using Npgsql;

namespace Billing.Tests;

/// <summary>Several replicas starting together migrate once, serialised by a PostgreSQL advisory lock.</summary>
[Collection(BillingCollection.Name)]
public sealed class ConcurrentMigrationTests(BillingService service)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Two_replicas_migrating_one_fresh_database_together_both_succeed()
    {
        var database = await service.Infrastructure.CreateDatabaseAsync("billing-race");

        await MigrateTogetherAsync(database, replicas: 2);

        await AssertMigratedOnceAsync(database);
    }

    [Fact]
    public async Task Replicas_racing_on_a_database_that_does_not_exist_yet_create_it_once_and_all_succeed()
    {
        var database = new NpgsqlConnectionStringBuilder(service.Infrastructure.PostgresConnectionString)
        {
            Database = $"billing_absent_{Guid.NewGuid():N}",
        }.ConnectionString;
        Assert.False(await DatabaseInspection.DatabaseExistsAsync(database));

        await MigrateTogetherAsync(database, replicas: 3);

        Assert.True(await DatabaseInspection.DatabaseExistsAsync(database));
        await AssertMigratedOnceAsync(database);
    }

    [Fact]
    public async Task A_replica_waits_for_the_migration_lock_held_by_another_before_touching_the_schema()
    {
        var database = await service.Infrastructure.CreateDatabaseAsync("billing-lock");
        await using var otherReplica = new NpgsqlConnection(database);
        await otherReplica.OpenAsync();
        await ExecuteAsync(otherReplica, $"SELECT pg_advisory_lock({MigrationLockKey()})");

        await using var services = ReplicaServices(database);
        var migration = Task.Run(() => services.MigrateAsync<BillingDbContext>(CancellationToken.None));

        await Eventually.UntilAsync(
            async () => migration.IsCompleted || await WaitersOnAdvisoryLocksAsync(otherReplica) > 0,
            Deadline,
            "the migrating replica waits on the advisory lock");
        Assert.False(migration.IsCompleted, migration.Exception?.ToString() ?? "the migration ran without waiting for the lock");
        Assert.Empty(await DatabaseInspection.TablesAsync(database));

        await ExecuteAsync(otherReplica, $"SELECT pg_advisory_unlock({MigrationLockKey()})");
        await migration.WaitAsync(Deadline);

        await AssertMigratedOnceAsync(database);
    }

    private static async Task MigrateTogetherAsync(string database, int replicas)
    {
        var providers = Enumerable.Range(0, replicas).Select(_ => ReplicaServices(database)).ToList();
        try
        {
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var migrations = providers
                .Select(provider => Task.Run(async () =>
                {
                    await start.Task;
                    await provider.MigrateAsync<BillingDbContext>(CancellationToken.None);
                }))
                .ToList();
            start.SetResult();
            await Task.WhenAll(migrations).WaitAsync(Deadline);
        }
        finally
        {
            foreach (var provider in providers)
            {
                await provider.DisposeAsync();
            }
        }
    }

    /// <summary>What a replica of the service registers for its database (ServiceDatabaseExtensions), without the rest of the host.</summary>
    private static ServiceProvider ReplicaServices(string connectionString) =>
        new ServiceCollection()
            .AddLogging()
            .AddDbContext<BillingDbContext>(options => options.UseNpgsql(
                connectionString,
                npgsql => npgsql.MigrationsHistoryTable(ServiceDatabaseExtensions.MigrationsHistoryTable)))
            .BuildServiceProvider();

    private static async Task AssertMigratedOnceAsync(string database)
    {
        await using var services = ReplicaServices(database);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BillingDbContext>();
        var all = db.Database.GetMigrations().Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(all);
        Assert.Equal(all, await DatabaseInspection.AppliedMigrationsAsync(database));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var tables = await DatabaseInspection.TablesAsync(database);
        Assert.Contains("outbox_messages", tables);
        Assert.Contains("inbox_messages", tables);
    }

    /// <summary>The key DatabaseMigrator derives from the DbContext's name (stable across processes and replicas).</summary>
    private static long MigrationLockKey()
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("nege-migrations:" + typeof(BillingDbContext).FullName));
        return BitConverter.ToInt64(hash, 0);
    }

    private static async Task<long> WaitersOnAdvisoryLocksAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
