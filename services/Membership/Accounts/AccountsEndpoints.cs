using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nege.Membership.Organisations;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Security;

namespace Nege.Membership.Accounts;

public sealed record AccountOrganisationRequest(Guid? OrganisationId);

public sealed record CreateAccountRequest(
    string? Email, string? UserName, string? Civility, string? LastName, string? FirstName, string? Function, Guid? OrganisationId, string[]? Roles);

/// <summary>Administrators manage accounts: search, open one for someone, lock and unlock, grant and withdraw roles (audited).</summary>
public static class AccountsEndpoints
{
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/membership/me", MeAsync)
            .WithTags("Comptes").WithSummary("Mon compte").RequireAccess(AccessPolicies.OwnAccount);

        var accounts = routes.MapGroup("/api/membership/accounts").WithTags("Comptes").RequireAccess(AccessPolicies.ManageAccounts);
        accounts.MapGet("/", SearchAsync).WithSummary("Rechercher des comptes");
        accounts.MapGet("/{id:guid}", GetAsync).WithSummary("Un compte, avec l'historique de ses rôles");
        accounts.MapPost("/", CreateAsync).WithSummary("Ouvrir un compte (invitation par courriel)").Accepts<CreateAccountRequest>("application/json");
        accounts.MapPost("/{id:guid}/lock", LockAsync).WithSummary("Verrouiller un compte (ses sessions prennent fin)");
        accounts.MapPost("/{id:guid}/unlock", (Guid id, ClaimsPrincipal user, MembershipDbContext db, TimeProvider clock, CancellationToken ct) =>
            ChangeAsync(id, user, db, clock, ct, Unlock)).WithSummary("Déverrouiller un compte");
        accounts.MapPut("/{id:guid}/organisation", SetOrganisationAsync)
            .WithSummary("Rattacher le compte à un organisme (un au plus), ou l'en détacher avec null")
            .Accepts<AccountOrganisationRequest>("application/json");
        accounts.MapPut("/{id:guid}/roles/{role}", (Guid id, string role, ClaimsPrincipal user, MembershipDbContext db, TimeProvider clock, CancellationToken ct) =>
            ChangeAsync(id, user, db, clock, ct, (account, now) => Grant(db, account, role, user, now))).WithSummary("Attribuer un rôle");
        accounts.MapDelete("/{id:guid}/roles/{role}", (Guid id, string role, ClaimsPrincipal user, MembershipDbContext db, TimeProvider clock, CancellationToken ct) =>
            ChangeAsync(id, user, db, clock, ct, (account, now) => WithdrawAsync(db, account, role, user, now, ct))).WithSummary("Retirer un rôle");
        return routes;
    }

    private static async Task<Results<Ok<AccountView>, NotFoundProblem>> MeAsync(
        ClaimsPrincipal user, MembershipDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var account = await AccountQueries.WithRolesAsync(db, user.CallerId() ?? Guid.Empty, cancellationToken);
        return account is null
            ? Problems.NotFound("Ce compte n'existe plus.")
            : TypedResults.Ok(await AccountQueries.ViewAsync(db, account, clock.GetUtcNow(), cancellationToken));
    }

    private static async Task<Results<Ok<PageOf<AccountView>>, ValidationProblem>> SearchAsync(
        string? search, int? page, int? pageSize, MembershipDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Paging.Validate(page, pageSize) is { IsEmpty: false } invalid)
        {
            return invalid.ToProblem();
        }

        var (number, size) = Paging.Of(page, pageSize);
        var query = db.Accounts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = $"%{Paging.EscapeLike(search.Trim())}%";
            query = query.Where(a => EF.Functions.ILike(a.Email, pattern) || EF.Functions.ILike(a.UserName, pattern)
                                     || EF.Functions.ILike(a.LastName, pattern) || EF.Functions.ILike(a.FirstName, pattern));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.Include(a => a.Roles)
            .OrderBy(a => a.LastName).ThenBy(a => a.FirstName).ThenBy(a => a.Id)
            .Skip((number - 1) * size).Take(size)
            .ToListAsync(cancellationToken);
        var organisationIds = rows.Select(a => a.OrganisationId).OfType<Guid>().Distinct().ToList();
        var organisations = await db.Organisations.Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new PageOf<AccountView>([.. rows.Select(a => AccountQueries.View(a, a.OrganisationId is { } o ? organisations.GetValueOrDefault(o) : null, now))], number, size, total));
    }

    private static async Task<Results<Ok<AccountDetails>, NotFoundProblem>> GetAsync(
        Guid id, MembershipDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var account = await AccountQueries.WithRolesAsync(db, id, cancellationToken);
        if (account is null)
        {
            return Problems.NotFound("Aucun compte ne porte cet identifiant.");
        }

        var changes = await db.RoleChanges.AsNoTracking().Where(c => c.AccountId == id).OrderByDescending(c => c.At)
            .Select(c => new RoleChangeView(c.Role, c.Change, c.ByAccountId, c.ByName, c.At))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new AccountDetails(await AccountQueries.ViewAsync(db, account, clock.GetUtcNow(), cancellationToken), changes));
    }

    private static async Task<Results<Created<AccountView>, ValidationProblem>> CreateAsync(
        HttpRequest request, ClaimsPrincipal user, MembershipDbContext db, AccountService service, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<CreateAccountRequest>(request, cancellationToken);
        if (body.Value is not { } input)
        {
            return body.Errors.ToProblem();
        }

        var errors = body.Errors;
        AccountRules.ValidateEmail(errors, "email", input.Email);
        AccountRules.ValidateUserName(errors, "userName", input.UserName);
        AccountRules.ValidateIdentity(errors, input.Civility, input.LastName, input.FirstName, input.Function);
        foreach (var role in input.Roles ?? [])
        {
            errors.AddIf(role is null || !NegeRoles.IsKnown(role), "roles", $"Le rôle « {role} » n'existe pas.");
        }

        if (input.OrganisationId is { } organisationId && !await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            errors.Add("organisationId", "Cet organisme n'existe pas.");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var (account, conflicts) = await service.InviteAsync(
            input.Email!, input.UserName!, input.Civility!, input.LastName!, input.FirstName!, input.Function, input.OrganisationId,
            input.Roles ?? [], user.CallerName(), user.CallerId(), cancellationToken);
        if (account is null)
        {
            return conflicts.ToProblem();
        }

        var view = await AccountQueries.ViewAsync(db, account, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Created($"/api/membership/accounts/{account.Id}", view);
    }

    private static async Task<Results<Ok<AccountView>, NotFoundProblem, ConflictProblem>> ChangeAsync(
        Guid id, ClaimsPrincipal user, MembershipDbContext db, TimeProvider clock, CancellationToken cancellationToken,
        Func<Account, DateTimeOffset, ValueTask<string?>> change)
    {
        var account = await db.Accounts.Include(a => a.Roles).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return Problems.NotFound("Aucun compte ne porte cet identifiant.");
        }

        var now = clock.GetUtcNowForDatabase();
        if (await change(account, now) is { } refusal)
        {
            return Problems.Conflict(refusal);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await AccountQueries.ViewAsync(db, account, now, cancellationToken));
    }

    private static async Task<Results<Ok<AccountView>, NotFoundProblem, ValidationProblem>> SetOrganisationAsync(
        Guid id, HttpRequest request, MembershipDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<AccountOrganisationRequest>(request, cancellationToken);
        if (body.Value is not { } input || !body.Errors.IsEmpty)
        {
            return body.Errors.ToProblem();
        }

        var account = await db.Accounts.Include(a => a.Roles).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return Problems.NotFound("Aucun compte ne porte cet identifiant.");
        }

        if (input.OrganisationId is { } organisationId && !await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            return ValidationErrors.Single("organisationId", "Cet organisme n'existe pas.").ToProblem();
        }

        account.OrganisationId = input.OrganisationId;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await AccountQueries.ViewAsync(db, account, clock.GetUtcNow(), cancellationToken));
    }

    private static async Task<Results<Ok<AccountView>, NotFoundProblem, ConflictProblem>> LockAsync(
        Guid id, ClaimsPrincipal user, MembershipDbContext db, AccountService service, TimeProvider clock, CancellationToken cancellationToken)
    {
        var result = await ChangeAsync(id, user, db, clock, cancellationToken, (account, now) => Lock(account, user, now));
        if (result.Result is Ok<AccountView>)
        {
            // Refresh tokens die now; access tokens already issued expire within their 15 minutes.
            await service.RevokeTokensAsync(id, cancellationToken);
        }

        return result;
    }

    private static ValueTask<string?> Lock(Account account, ClaimsPrincipal user, DateTimeOffset now)
    {
        if (account.Id == user.CallerId())
        {
            return ValueTask.FromResult<string?>("Vous ne pouvez pas verrouiller votre propre compte.");
        }

        account.Lock(now);
        return ValueTask.FromResult<string?>(null);
    }

    private static ValueTask<string?> Unlock(Account account, DateTimeOffset now)
    {
        account.Unlock();
        return ValueTask.FromResult<string?>(null);
    }

    private static ValueTask<string?> Grant(MembershipDbContext db, Account account, string role, ClaimsPrincipal user, DateTimeOffset now)
    {
        if (!NegeRoles.IsKnown(role))
        {
            return ValueTask.FromResult<string?>($"Le rôle « {role} » n'existe pas. Rôles possibles : {string.Join(", ", NegeRoles.All)}.");
        }

        if (account.Grant(role, user.CallerId(), user.CallerName(), now) is { } granted)
        {
            db.RoleChanges.Add(granted);
        }

        return ValueTask.FromResult<string?>(null);
    }

    private static async ValueTask<string?> WithdrawAsync(MembershipDbContext db, Account account, string role, ClaimsPrincipal user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!NegeRoles.IsKnown(role))
        {
            return $"Le rôle « {role} » n'existe pas. Rôles possibles : {string.Join(", ", NegeRoles.All)}.";
        }

        if (account.Roles.All(r => r.Role != role))
        {
            return null;
        }

        // Someone able to administer must remain: an administrator who is not locked out by another.
        if (role == NegeRoles.Admin && account.LockedByAdministratorAt is null
            && await db.Accounts.CountAsync(a => a.LockedByAdministratorAt == null && a.Roles.Any(r => r.Role == NegeRoles.Admin), cancellationToken) <= 1)
        {
            return "Impossible de retirer le rôle du dernier administrateur.";
        }

        db.RoleChanges.Add(account.Withdraw(role, user.CallerId(), user.CallerName(), now)!);
        return null;
    }
}
