using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nege.Billing.Calls;
using Nege.Billing.Grids;
using Nege.Billing.Members;
using Nege.Contracts.Api.Billing;
using Nege.Contracts.Billing;
using Nege.Contracts.Membership;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;

namespace Nege.Billing.Renewals;

/// <summary>
/// « Mes effectifs »: the referent reads the perimeter's headcounts the next renewal call will use, and confirms or
/// updates them. A declaration during the renewal's campaign stops its reminder; any declaration is used by the next call.
/// </summary>
public static class PerimeterEndpoints
{
    public const string Route = "/api/billing/me/perimeter";

    private const int MaxHeadcount = 1_000_000;

    private const string NoOrganisation = "Votre compte n'est rattaché à aucun organisme adhérent.";

    private const string NotCalled = "Votre organisme n'est pas encore appelé à cotisation : son adhésion n'a pas été validée.";

    public static IEndpointRouteBuilder MapPerimeter(this IEndpointRouteBuilder routes)
    {
        var perimeter = routes.MapGroup(Route).WithTags("Mes cotisations").RequireAccess(AccessPolicies.OwnFeeCalls);
        perimeter.MapGet("/", GetAsync).WithSummary("Les effectifs du périmètre de mon organisme, que le prochain appel de cotisation utilisera");
        perimeter.MapPut("/", DeclareAsync).WithSummary("Confirmer ou mettre à jour les effectifs du périmètre avant le renouvellement");
        return routes;
    }

    private static async Task<Results<Ok<PerimeterView>, NotFoundProblem, ForbiddenProblem>> GetAsync(
        BillingDbContext db, ClaimsPrincipal user, TimeProvider clock, IOptions<FeeCallOptions> options, CancellationToken cancellationToken)
    {
        if (user.CallerOrganisationId() is not { } organisationId)
        {
            return Problems.Forbidden(NoOrganisation);
        }

        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.OrganisationId == organisationId, cancellationToken);
        return member is null
            ? Problems.NotFound(NotCalled)
            : TypedResults.Ok(await ViewAsync(db, member, clock.TodayInParis(), options.Value, cancellationToken));
    }

    private static async Task<Results<Ok<PerimeterView>, ValidationProblem, NotFoundProblem, ForbiddenProblem>> DeclareAsync(
        BillingDbContext db, ClaimsPrincipal user, TimeProvider clock, IOptions<FeeCallOptions> options, PerimeterDeclaration body, CancellationToken cancellationToken)
    {
        if (user.CallerOrganisationId() is not { } organisationId)
        {
            return Problems.Forbidden(NoOrganisation);
        }

        var errors = new ValidationErrors();
        Headcount(errors, "alsace", body.Alsace, "L'Alsace");
        Headcount(errors, "champagneArdenne", body.ChampagneArdenne, "Champagne-Ardenne");
        Headcount(errors, "lorraine", body.Lorraine, "Lorraine");
        errors.AddIf(errors.IsEmpty && body.Alsace + body.ChampagneArdenne + body.Lorraine == 0, "perimeter",
            "Indiquez un nombre supérieur à 0 pour au moins un territoire : l'adhésion doit couvrir au moins l'un d'eux.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var member = await db.Members.SingleOrDefaultAsync(m => m.OrganisationId == organisationId, cancellationToken);
        if (member is null)
        {
            return Problems.NotFound(NotCalled);
        }

        var now = clock.GetUtcNowForDatabase();
        await MemberRenewals.DeclareAsync(db, member, new MembershipPerimeter(body.Alsace!.Value, body.ChampagneArdenne!.Value, body.Lorraine!.Value),
            user.CallerName(), now, options.Value, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var today = ParisTime.DateOf(now);
        return TypedResults.Ok(await ViewAsync(db, member, today, options.Value, cancellationToken));
    }

    private static async Task<PerimeterView> ViewAsync(BillingDbContext db, BillingMember member, DateOnly today, FeeCallOptions options, CancellationToken cancellationToken)
    {
        var calendar = await MemberRenewals.NextCallAsync(db, member, today, options, cancellationToken);
        var renewal = await db.Renewals.AsNoTracking()
            .SingleOrDefaultAsync(r => r.OrganisationId == member.OrganisationId && r.Year == calendar.Year, cancellationToken);
        var grid = await db.InForceAsync(calendar.Year, cancellationToken)
                   ?? throw new InvalidOperationException($"No fee grid is in force in {calendar.Year}.");
        return new PerimeterView(member.OrganisationId, member.Name, member.Category, member.PerimeterAlsace, member.PerimeterChampagneArdenne,
            member.PerimeterLorraine, calendar.Year, calendar.RenewalOn, calendar.RequestOn, today >= calendar.RequestOn, renewal?.DeclaredAt, renewal?.DeclaredBy,
            FeeRules.Compute(calendar.Year, grid.Year, grid.Content, member.FeeSubject));
    }

    private static void Headcount(ValidationErrors errors, string field, int? value, string territory)
    {
        errors.AddIf(value is null, field, $"L'effectif pour {territory} est obligatoire (0 si l'organisme ne souhaite pas bénéficier des actions de l'association sur ce territoire).");
        errors.AddIf(value is < 0 or > MaxHeadcount, field, $"L'effectif pour {territory} doit être un nombre entre 0 et {MaxHeadcount}.");
    }
}
