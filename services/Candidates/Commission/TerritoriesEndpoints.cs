using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nege.Candidates.Dossiers;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;

namespace Nege.Candidates.Commission;

/// <summary>Admins put commission members and pilots in the territories, and dispatch the dossiers outside them all.</summary>
public static class TerritoriesEndpoints
{
    public static IEndpointRouteBuilder MapTerritories(this IEndpointRouteBuilder routes)
    {
        var territories = routes.MapGroup("/api/candidates/territories").WithTags("Commissions AAR — territoires")
            .RequireAccess(AccessPolicies.ManageTerritories);
        territories.MapGet("/", ListAsync).WithSummary("Les trois commissions territoriales et leurs membres");
        territories.MapPut("/{territory}/members/{accountId:guid}", PutMemberAsync).Accepts<TerritoryMemberRequest>("application/json")
            .WithSummary("Mettre un membre (ou un pilote) dans la commission d'un territoire");
        territories.MapDelete("/{territory}/members/{accountId:guid}", RemoveMemberAsync).WithSummary("Retirer un membre d'une commission");
        routes.MapPut($"{CommissionEndpoints.Route}/{{id:guid}}/territory", DispatchAsync).Accepts<DispatchRequest>("application/json")
            .WithTags("Commissions AAR — territoires")
            .WithSummary("Confier un dossier à une commission (les dossiers hors territoire, ou pour en changer)")
            .RequireAccess(AccessPolicies.ManageTerritories);
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<TerritoryView>>> ListAsync(CandidatesDbContext db, CancellationToken cancellationToken)
    {
        var members = await db.TerritoryMembers.AsNoTracking().ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<TerritoryView>>([.. CandidateForm.Territories.Select(t => new TerritoryView(t, [..
            members.Where(m => m.Territory == t).OrderByDescending(m => m.Pilot).ThenBy(m => m.DisplayName)
                .Select(m => new TerritoryMemberView(m.AccountId, m.DisplayName, m.Email, m.Pilot, m.Since))]))]);
    }

    private static async Task<Results<Ok<TerritoryMemberView>, ValidationProblem>> PutMemberAsync(
        string territory, Guid accountId, TerritoryMemberRequest? body, CandidatesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.AddIf(!CandidateForm.Territories.Contains(territory), "territory", $"Le territoire doit être l'un de : {string.Join(", ", CandidateForm.Territories)}.");
        var name = DossierRules.Required(errors, "displayName", body?.DisplayName, "Le nom du membre", DossierRules.TextMaxLength);
        var email = body?.Email?.Trim();
        errors.AddIf(email is null || !EmailAddress.IsValid(email), "email", "Le courriel du membre n'est pas une adresse valide.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var member = await db.TerritoryMembers.SingleOrDefaultAsync(m => m.Territory == territory && m.AccountId == accountId, cancellationToken);
        if (member is null)
        {
            member = new TerritoryMember { Territory = territory, AccountId = accountId, DisplayName = name!, Email = email!, Since = clock.GetUtcNowForDatabase() };
            db.TerritoryMembers.Add(member);
        }

        member.DisplayName = name!;
        member.Email = email!;
        member.Pilot = body?.Pilot ?? false;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new TerritoryMemberView(member.AccountId, member.DisplayName, member.Email, member.Pilot, member.Since));
    }

    private static async Task<Results<NoContent, NotFoundProblem>> RemoveMemberAsync(
        string territory, Guid accountId, CandidatesDbContext db, CancellationToken cancellationToken)
    {
        var removed = await db.TerritoryMembers.Where(m => m.Territory == territory && m.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
        return removed == 0 ? Problems.NotFound("Cette personne n'est pas membre de cette commission.") : TypedResults.NoContent();
    }

    /// <summary>The pilots of the territory the dossier now belongs to are told of it, as of a new dossier.</summary>
    private static async Task<Results<Ok<DossierStatusView>, ValidationProblem, NotFoundProblem>> DispatchAsync(
        Guid id, DispatchRequest? body, ClaimsPrincipal user, CandidatesDbContext db, SiteLinks links, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (body?.Territory is not { } territory || !CandidateForm.Territories.Contains(territory))
        {
            return ValidationErrors.Single("territory", $"Le territoire doit être l'un de : {string.Join(", ", CandidateForm.Territories)}.").ToProblem();
        }

        var dossier = await db.Dossiers.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dossier is null)
        {
            return Problems.NotFound("Ce dossier n'existe pas.");
        }

        var now = clock.GetUtcNowForDatabase();
        var by = new DossierActor(DossierActorKind.Person, user.CallerId()?.ToString() ?? "", user.CallerName());
        if (dossier.Dispatch(territory, by, now))
        {
            var pilots = await db.PilotsOfAsync(territory, cancellationToken);
            var identification = dossier.Content.Identification;
            db.AddToOutbox(new DossierDispatched(dossier.Id, dossier.NumberText, territory, identification.FirstName, identification.LastName, now)
            {
                Pilots = pilots,
                ExtranetLink = links.CommissionDossier(dossier.Id),
            }, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(DossierViews.StatusOf(dossier));
    }
}
