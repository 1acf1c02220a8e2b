using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Nege.ServiceDefaults.Data;

/// <summary>
/// A job that runs at start and then at every interval, on one replica at a time: a PostgreSQL
/// advisory lock (its own key) decides, and a replica that does not get it skips that round.
/// </summary>
public abstract class ScheduledJob<TDbContext>(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
    where TDbContext : DbContext
{
    protected TimeProvider Clock => clock;

    protected ILogger Logger => logger;

    /// <summary>The job's advisory-lock key, from its type's name.</summary>
    private long LockKey => AdvisoryLock.KeyOf("nege-job:" + GetType().FullName);

    protected abstract TimeSpan Interval { get; }

    /// <summary>One round of work, with the lock held.</summary>
    protected abstract Task RunAsync(TDbContext db, IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "{Job} failed; it runs again in {Interval}", GetType().Name, Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs one round; returns false when another replica holds the lock.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({LockKey}) AS \"Value\"").SingleAsync(cancellationToken))
            {
                return false;
            }

            try
            {
                await RunAsync(db, scope.ServiceProvider, cancellationToken);
                return true;
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
