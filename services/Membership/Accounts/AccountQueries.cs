using Microsoft.EntityFrameworkCore;

namespace Nege.Membership.Accounts;

public sealed record AccountView(
    Guid Id, string Email, string UserName, string Civility, string LastName, string FirstName, string? Function,
    Guid? OrganisationId, string? OrganisationName, IReadOnlyList<string> Roles, bool EmailConfirmed, bool IsLocked,
    DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt, DateTimeOffset? LastLoginAt);

public sealed record RoleChangeView(string Role, string Change, Guid? ByAccountId, string ByName, DateTimeOffset At);

public sealed record AccountDetails(AccountView Account, IReadOnlyList<RoleChangeView> RoleChanges);

public static class AccountQueries
{
    public static Task<Account?> WithRolesAsync(MembershipDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Accounts.AsNoTracking().Include(a => a.Roles).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    public static async Task<AccountView> ViewAsync(MembershipDbContext db, Account account, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var organisation = account.OrganisationId is { } id
            ? await db.Organisations.Where(o => o.Id == id).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        return View(account, organisation, now);
    }

    public static AccountView View(Account account, string? organisationName, DateTimeOffset now) => new(
        account.Id, account.Email, account.UserName, account.Civility, account.LastName, account.FirstName, account.Function,
        account.OrganisationId, organisationName, account.RoleNames, account.EmailConfirmedAt is not null, account.IsLocked(now),
        account.LockedByAdministratorAt is not null ? null : account.LockedOutUntil > now ? account.LockedOutUntil : null,
        account.CreatedAt, account.LastLoginAt);
}
