using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace Nege.Membership.OpenIdServer;

/// <summary>
/// Every six hours (and at start), removes what the identity server no longer needs: OpenIddict's
/// tokens and authorizations that ended more than two weeks ago, and e-mailed account links used or
/// expired as long. One replica does it at a time (a PostgreSQL advisory lock decides).
/// </summary>
public sealed class IdentityCleanup(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IdentityCleanup> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(14);

    private const long LockKey = 7355608002;

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
                logger.LogWarning(exception, "Identity clean-up failed; it runs again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs one clean-up; returns false when another replica holds the lock.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({LockKey}) AS \"Value\"").SingleAsync(cancellationToken))
            {
                return false;
            }

            try
            {
                var threshold = clock.GetUtcNow() - KeptFor;
                var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, cancellationToken);
                var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, cancellationToken);
                var links = await db.AccountTokens
                    .Where(t => t.ExpiresAt < threshold || t.UsedAt < threshold)
                    .ExecuteDeleteAsync(cancellationToken);
                logger.LogInformation(
                    "Identity clean-up: {Tokens} token(s), {Authorizations} authorization(s) and {Links} account link(s) removed", tokens, authorizations, links);
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
