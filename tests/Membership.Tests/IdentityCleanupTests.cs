using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nege.Membership.Accounts;
using Nege.Membership.OpenIdServer;

namespace Membership.Tests;

/// <summary>E-mailed links and tokens that ended long ago are removed; recent ones stay.</summary>
[Collection(MembershipCollection.Name)]
public sealed class IdentityCleanupTests(MembershipService service)
{
    [Fact]
    public async Task Links_used_or_expired_more_than_two_weeks_ago_are_removed_and_recent_ones_kept()
    {
        var now = DateTimeOffset.UtcNow;
        var accountId = await service.QueryAsync(db => db.Accounts.Select(a => a.Id).FirstAsync());
        var (oldUsed, _) = AccountToken.Issue(accountId, AccountTokenPurpose.PasswordReset, now.AddDays(-30), TimeSpan.FromHours(2));
        oldUsed.UsedAt = now.AddDays(-30);
        var (oldExpired, _) = AccountToken.Issue(accountId, AccountTokenPurpose.EmailConfirmation, now.AddDays(-20), TimeSpan.FromHours(48));
        var (recentUsed, _) = AccountToken.Issue(accountId, AccountTokenPurpose.PasswordReset, now.AddDays(-1), TimeSpan.FromHours(2));
        recentUsed.UsedAt = now.AddDays(-1);
        var (pending, _) = AccountToken.Issue(accountId, AccountTokenPurpose.SetPassword, now, TimeSpan.FromHours(72));
        await using (var scope = service.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Nege.Membership.MembershipDbContext>();
            db.AccountTokens.AddRange(oldUsed, oldExpired, recentUsed, pending);
            await db.SaveChangesAsync();
        }

        var ran = await service.Factory.Services.GetRequiredService<IdentityCleanup>().RunOnceAsync(CancellationToken.None);

        Assert.True(ran);
        var left = await service.QueryAsync(db => db.AccountTokens
            .Where(t => new[] { oldUsed.Id, oldExpired.Id, recentUsed.Id, pending.Id }.Contains(t.Id)).Select(t => t.Id).ToListAsync());
        Assert.Equal(new HashSet<Guid> { recentUsed.Id, pending.Id }, left.ToHashSet());
    }
}
