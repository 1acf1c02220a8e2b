using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nege.Membership.OpenIdServer;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Security;

namespace Nege.Membership.Accounts;

/// <summary>
/// The platform's first administrator, from configuration (<c>Identity:FirstAdministrator:Email</c>):
/// created once, while no administrator exists, with a set-password link sent by e-mail. No password
/// is ever configured.
/// </summary>
public sealed class FirstAdministrator(
    MembershipDbContext db, AccountService accounts, IOptions<MembershipIdentityOptions> options, TimeProvider clock, ILogger<FirstAdministrator> logger)
{
    private static readonly long FirstAdministratorLock = AdvisoryLock.KeyOf("nege-membership:first-administrator");

    public const string Platform = "la plateforme NEGE";

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var wanted = options.Value.FirstAdministrator;
        if (string.IsNullOrWhiteSpace(wanted.Email))
        {
            return;
        }

        // One replica at a time decides, so two starting together create one administrator.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({FirstAdministratorLock})", cancellationToken);
        if (await db.Set<AccountRole>().AnyAsync(r => r.Role == NegeRoles.Admin, cancellationToken))
        {
            return;
        }

        // The address already has an account (registered before the administrator was configured): it becomes the administrator.
        var normalized = Account.Normalize(wanted.Email);
        if (await db.Accounts.Include(a => a.Roles).SingleOrDefaultAsync(a => a.NormalizedEmail == normalized, cancellationToken) is { } existing)
        {
            var now = clock.GetUtcNowForDatabase();
            if (existing.Grant(NegeRoles.Admin, null, Platform, now) is { } granted)
            {
                db.RoleChanges.Add(granted);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Account {AccountId}, at the configured address, is made the first administrator", existing.Id);
            return;
        }

        var (account, errors) = await accounts.InviteAsync(
            wanted.Email, wanted.UserName, "Monsieur", wanted.LastName, wanted.FirstName, "Administrateur de la plateforme",
            organisationId: null, [NegeRoles.Admin], Platform, invitedById: null, cancellationToken);
        if (account is null)
        {
            throw new InvalidOperationException(
                $"The first administrator ({wanted.Email}) cannot be created: {string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value))}");
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("First administrator {AccountId} created; a set-password link is sent to the configured address", account.Id);
    }
}
