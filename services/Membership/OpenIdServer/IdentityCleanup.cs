using Microsoft.EntityFrameworkCore;
using Nege.ServiceDefaults.Data;
using OpenIddict.Abstractions;

namespace Nege.Membership.OpenIdServer;

/// <summary>
/// Every six hours (and at start), removes what the identity server no longer needs: OpenIddict's
/// tokens and authorizations that ended more than two weeks ago, and e-mailed account links used or
/// expired as long. One replica does it at a time.
/// </summary>
public sealed class IdentityCleanup(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IdentityCleanup> logger)
    : ScheduledJob<MembershipDbContext>(scopes, clock, logger)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(14);

    protected override TimeSpan Interval => TimeSpan.FromHours(6);

    protected override async Task RunAsync(MembershipDbContext db, IServiceProvider services, CancellationToken cancellationToken)
    {
        var threshold = Clock.GetUtcNow() - KeptFor;
        var tokens = await services.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, cancellationToken);
        var authorizations = await services.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, cancellationToken);
        var links = await db.AccountTokens
            .Where(t => t.ExpiresAt < threshold || t.UsedAt < threshold)
            .ExecuteDeleteAsync(cancellationToken);
        Logger.LogInformation(
            "Identity clean-up: {Tokens} token(s), {Authorizations} authorization(s) and {Links} account link(s) removed", tokens, authorizations, links);
    }
}
