using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Membership;
using Nege.Membership.Accounts;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;

namespace Nege.Membership.Organisations;

public sealed record ColleagueRequest(string? Email, string? UserName, string? Civility, string? LastName, string? FirstName, string? Function);

public sealed record Colleague(
    Guid AccountId, string UserName, string Email, string Civility, string LastName, string FirstName, string? Function,
    IReadOnlyList<string> Roles, bool InvitationPending, bool IsReferent);

/// <summary>
/// The referent asks extranet access for the colleagues in charge of recruitment (HR, recruiters,
/// managers): each gets the recruiter role and an invitation by e-mail; the referent can take it back.
/// </summary>
public static class ColleaguesEndpoints
{
    public static IEndpointRouteBuilder MapColleagues(this IEndpointRouteBuilder routes)
    {
        var colleagues = routes.MapGroup("/api/membership/organisations/mine/colleagues").WithTags("Fiche de l'organisme")
            .RequireAccess(AccessPolicies.OwnOrganisation);
        colleagues.MapGet("/", ListAsync).WithSummary("Les utilisateurs de l'extranet de mon organisme");
        colleagues.MapPost("/", InviteAsync).WithSummary("Demander un accès à l'extranet pour un collaborateur (invitation par courriel)")
            .Accepts<ColleagueRequest>("application/json");
        colleagues.MapDelete("/{accountId:guid}", RemoveAsync).WithSummary("Retirer l'accès d'un collaborateur");
        return routes;
    }

    private static async Task<Results<Ok<IReadOnlyList<Colleague>>, NotFoundProblem>> ListAsync(
        ClaimsPrincipal user, MembershipDbContext db, CancellationToken cancellationToken)
    {
        var organisation = await OrganisationCards.MineAsync(user, db, cancellationToken);
        if (organisation is null)
        {
            return OrganisationCards.NoOrganisation();
        }

        var accounts = await db.Accounts.AsNoTracking().Include(a => a.Roles)
            .Where(a => a.OrganisationId == organisation.Id)
            .OrderBy(a => a.LastName).ThenBy(a => a.FirstName)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<Colleague>>([.. accounts.Select(View)]);
    }

    private static async Task<Results<Created<Colleague>, ValidationProblem, NotFoundProblem>> InviteAsync(
        HttpRequest request, ClaimsPrincipal user, MembershipDbContext db, AccountService accounts, CancellationToken cancellationToken)
    {
        var organisation = await OrganisationCards.MineAsync(user, db, cancellationToken);
        if (organisation is null)
        {
            return OrganisationCards.NoOrganisation();
        }

        var body = await JsonBody.ReadAsync<ColleagueRequest>(request, cancellationToken);
        if (body.Value is not { } input)
        {
            return body.Errors.ToProblem();
        }

        var errors = body.Errors;
        AccountRules.ValidateEmail(errors, "email", input.Email);
        AccountRules.ValidateUserName(errors, "userName", input.UserName);
        AccountRules.ValidateIdentity(errors, input.Civility, input.LastName, input.FirstName, input.Function);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var (account, conflicts) = await accounts.InviteAsync(
            input.Email!, input.UserName!, input.Civility!, input.LastName!, input.FirstName!, input.Function,
            organisation.Id, [NegeRoles.Recruiter], $"{user.CallerName()} ({organisation.Name})",
            user.CallerId(), cancellationToken);
        return account is null
            ? conflicts.ToProblem()
            : TypedResults.Created($"/api/membership/organisations/mine/colleagues/{account.Id}", View(account));
    }

    private static async Task<Results<NoContent, NotFoundProblem, ConflictProblem>> RemoveAsync(
        Guid accountId, ClaimsPrincipal user, MembershipDbContext db, AccountService accounts, TimeProvider clock,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var organisation = await OrganisationCards.MineAsync(user, db, cancellationToken);
        if (organisation is null)
        {
            return OrganisationCards.NoOrganisation();
        }

        var callerId = user.CallerId();
        if (accountId == callerId)
        {
            return Problems.Conflict("Action impossible", "Vous ne pouvez pas retirer votre propre accès : vous êtes le référent de l'organisme.");
        }

        var account = await db.Accounts.Include(a => a.Roles)
            .SingleOrDefaultAsync(a => a.Id == accountId && a.OrganisationId == organisation.Id, cancellationToken);
        if (account is null)
        {
            return Problems.NotFound("Ce collaborateur n'a pas d'accès à l'extranet de votre organisme.");
        }

        // A referent gives and takes back the recruiter role only: an account holding more (board,
        // treasurer, administrator…) is the association's to change.
        if (account.Roles.Any(role => role.Role != NegeRoles.Recruiter))
        {
            return Problems.Conflict("Action impossible",
                "Ce collaborateur a d'autres rôles dans l'association : seul un administrateur peut retirer son accès.");
        }

        var now = clock.GetUtcNowForDatabase();
        if (account.Withdraw(NegeRoles.Recruiter, callerId, user.CallerName(), now) is { } withdrawn)
        {
            db.RoleChanges.Add(withdrawn);
        }

        // The access ends now: no organisation, no role, locked, and its sessions end at their next refresh.
        account.OrganisationId = null;
        account.Lock(now);
        if (organisation.HrContactAccountId == account.Id)
        {
            organisation.HrContactAccountId = callerId;
            organisation.CardChangedAt = now;
            var referent = await db.Accounts.Where(a => a.Id == callerId)
                .Select(a => new PersonReference(a.Id, a.FirstName + " " + a.LastName, a.Email)).SingleAsync(cancellationToken);
            db.AddToOutbox(OrganisationCards.Changed(organisation, referent, now), now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await accounts.RevokeTokensAsync(account.Id, cancellationToken);
        loggers.CreateLogger(typeof(ColleaguesEndpoints)).LogInformation(
            "Account {AccountId} removed from organisation {OrganisationId} by its referent", account.Id, organisation.Id);
        return TypedResults.NoContent();
    }

    private static Colleague View(Account account) => new(
        account.Id, account.UserName, account.Email, account.Civility, account.LastName, account.FirstName, account.Function,
        account.RoleNames, account.PasswordHash is null, account.Roles.Any(role => role.Role == NegeRoles.Referent));
}
