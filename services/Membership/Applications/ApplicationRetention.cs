using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nege.Contracts.Membership;
using Nege.Membership.Accounts;
using Nege.Membership.Images;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Data;

namespace Nege.Membership.Applications;

/// <summary>
/// Erases what the association no longer needs to keep: refused applications once their retention
/// period is over, and drafts nobody touched for the configured time. With an application go its
/// logo and, when the account was opened only for it (no role, no organisation), the applicant's
/// account, photo and links.
/// </summary>
public sealed class ApplicationRetention(
    IServiceScopeFactory scopes, IOptions<ApplicationOptions> options, TimeProvider clock, ILogger<ApplicationRetention> logger)
    : ScheduledJob<MembershipDbContext>(scopes, clock, logger)
{
    protected override TimeSpan Interval => options.Value.RetentionSweepInterval;

    protected override async Task RunAsync(MembershipDbContext db, IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var abandonedBefore = now - options.Value.AbandonedDraftRetention;
        var expired = await db.Applications
            .Where(a => (a.Status == ApplicationStatus.Refused && a.EraseAfter <= now)
                        || (a.Status == ApplicationStatus.Draft && a.UpdatedAt < abandonedBefore))
            .ToListAsync(cancellationToken);
        foreach (var application in expired)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Submitted (or edited) since it was read? Then it is not to be erased.
            await db.LockAsync(application, cancellationToken);
            var stillExpired = application.Status == ApplicationStatus.Refused
                ? application.EraseAfter <= now
                : application.Status == ApplicationStatus.Draft && application.UpdatedAt < abandonedBefore;
            if (!stillExpired)
            {
                continue;
            }

            var referent = await db.Accounts.Include(a => a.Roles).SingleOrDefaultAsync(a => a.Id == application.ReferentAccountId, cancellationToken);
            var accountErased = referent is not null && await WasOpenedOnlyForAsync(db, referent, application, cancellationToken);
            db.Applications.Remove(application);
            await StoredImages.DeleteAsync(db, application.Organisation.LogoImageId, cancellationToken);
            if (accountErased)
            {
                await StoredImages.DeleteAsync(db, referent!.PhotoImageId, cancellationToken);
                await db.AccountTokens.Where(t => t.AccountId == referent.Id).ExecuteDeleteAsync(cancellationToken);
                await db.RoleChanges.Where(r => r.AccountId == referent.Id).ExecuteDeleteAsync(cancellationToken);
                db.Accounts.Remove(referent);
                // Notifications forgets the person too (no more digest to an erased address).
                db.AddToOutbox(new NotificationPreferencesChanged(referent.Id, referent.Email, [], now), now);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            Logger.LogInformation(
                "Membership application {ApplicationId} ({Status}) erased at the end of its retention period; applicant account erased: {AccountErased}",
                application.Id, application.Status, accountErased);
        }
    }

    /// <summary>
    /// The account was opened by this application's part 1 (both were created in the same instant) and
    /// serves nothing else: no role, no organisation, no other application. An account the person had
    /// before applying is never erased with the application.
    /// </summary>
    private static async Task<bool> WasOpenedOnlyForAsync(
        MembershipDbContext db, Account referent, MembershipApplication application, CancellationToken cancellationToken) =>
        referent is { OrganisationId: null, Roles.Count: 0 }
        && referent.CreatedAt == application.CreatedAt
        && !await db.Applications.AnyAsync(a => a.ReferentAccountId == referent.Id && a.Id != application.Id, cancellationToken);
}
