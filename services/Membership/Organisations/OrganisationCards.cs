using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Membership;
using Nege.Membership.Accounts;
using Nege.Membership.Applications;
using Nege.Membership.Images;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;

using Nege.Contracts.Api.Membership;

namespace Nege.Membership.Organisations;

public sealed record OrganisationCardRequest(
    string? Name, string? RegionalHeadOffice, string? Logo, string? Presentation, string? Website,
    string[]? MainActivities, string[]? SiteDepartements, string[]? InterventionDepartements, string? HrContactUserName);

public sealed record OrganisationCard(
    Guid Id, string Name, string Category, string? RegionalHeadOffice, bool HasLogo, string? Presentation, string? Website,
    string? CompanyType, IReadOnlyList<string> MainActivities, IReadOnlyList<string> SiteDepartements, IReadOnlyList<string> InterventionDepartements,
    PersonChoice? HrContact, DateTimeOffset? MemberSince);

/// <summary>The referent keeps their organisation's directory card up to date; every change is published for the directory.</summary>
public static class OrganisationCards
{
    public static IEndpointRouteBuilder MapOrganisationCards(this IEndpointRouteBuilder routes)
    {
        var mine = routes.MapGroup("/api/membership/organisations/mine").WithTags("Fiche de l'organisme").RequireAccess(AccessPolicies.OwnOrganisation);
        mine.MapGet("/", GetAsync).WithSummary("La fiche de mon organisme");
        mine.MapPut("/", UpdateAsync).WithSummary("Modifier la fiche de mon organisme (publiée dans l'annuaire)").Accepts<OrganisationCardRequest>("application/json");

        routes.MapGet("/api/membership/organisations/{id:guid}/logo", LogoAsync)
            .WithTags("Fiche de l'organisme").WithSummary("Le logo d'un organisme adhérent (public, pour l'annuaire)").AllowEveryone();
        return routes;
    }

    public static OrganisationCardChanged Changed(Organisation organisation, PersonReference hrContact, DateTimeOffset now) => new(
        organisation.Id, organisation.Name, organisation.Category, organisation.RegionalHeadOffice ?? "", organisation.Presentation,
        organisation.Website is { } website ? new Uri(website) : null,
        organisation.MainActivities, organisation.SiteDepartements, organisation.InterventionDepartements, hrContact,
        organisation.LogoImageId?.ToString("N"), now);

    /// <summary>The caller's organisation, when they are its referent and it is a member.</summary>
    internal static async Task<Organisation?> MineAsync(ClaimsPrincipal user, MembershipDbContext db, CancellationToken cancellationToken)
    {
        var accountId = user.CallerId();
        var organisationId = await db.Accounts.Where(a => a.Id == accountId).Select(a => a.OrganisationId).SingleOrDefaultAsync(cancellationToken);
        return organisationId is { } id
            ? await db.Organisations.SingleOrDefaultAsync(o => o.Id == id && o.MemberSince != null, cancellationToken)
            : null;
    }

    internal static NotFoundProblem NoOrganisation() =>
        Problems.NotFound("Votre compte n'est rattaché à aucun organisme adhérent.");

    private static async Task<Results<Ok<OrganisationCard>, NotFoundProblem>> GetAsync(
        ClaimsPrincipal user, MembershipDbContext db, CancellationToken cancellationToken)
    {
        var organisation = await MineAsync(user, db, cancellationToken);
        return organisation is null ? NoOrganisation() : TypedResults.Ok(await CardAsync(db, organisation, cancellationToken));
    }

    private static async Task<Results<Ok<OrganisationCard>, ValidationProblem, NotFoundProblem>> UpdateAsync(
        HttpRequest request, ClaimsPrincipal user, MembershipDbContext db, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var organisation = await MineAsync(user, db, cancellationToken);
        if (organisation is null)
        {
            return NoOrganisation();
        }

        var body = await JsonBody.ReadAsync<OrganisationCardRequest>(request, cancellationToken);
        if (body.Value is not { } input)
        {
            return body.Errors.ToProblem();
        }

        var errors = body.Errors;
        var now = clock.GetUtcNowForDatabase();
        var name = FormRules.Text(errors, "name", input.Name, "La raison sociale");
        errors.AddIf(name is null, "name", "La raison sociale est obligatoire.");
        var headOffice = FormRules.Text(errors, "regionalHeadOffice", input.RegionalHeadOffice, "La localisation de la direction régionale");
        errors.AddIf(headOffice is null, "regionalHeadOffice", "La localisation de la direction régionale est obligatoire.");
        var presentation = FormRules.Presentation(errors, "presentation", input.Presentation);
        var website = FormRules.Website(errors, "website", input.Website);
        var activities = FormRules.ManyOf(errors, "mainActivities", input.MainActivities, MembershipForm.MainActivities, "Les activités principales");
        var sites = FormRules.ManyOf(errors, "siteDepartements", input.SiteDepartements, MembershipForm.Departements, "La localisation des établissements");
        var zones = FormRules.ManyOf(errors, "interventionDepartements", input.InterventionDepartements, MembershipForm.Departements, "Les zones géographiques d'intervention");
        var logo = input.Logo is { Length: > 0 } ? UploadedImage.Accept(input.Logo, ImageLimits.Logo, "logo", errors, now) : null;
        var referentId = user.CallerId()!.Value;
        var hrContact = await OrganisationChoices.HrContactAsync(db, errors, input.HrContactUserName, referentId, organisation.Id, cancellationToken);
        if (name is not null && !string.Equals(name, organisation.Name, StringComparison.Ordinal))
        {
            var normalized = Account.Normalize(name);
            errors.AddIf(await db.Organisations.AnyAsync(o => o.Id != organisation.Id && o.Name.ToUpper() == normalized, cancellationToken),
                "name", "Un autre organisme porte déjà ce nom.");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        if (logo is not null)
        {
            db.Images.Add(logo);
            // The accepted application keeps the logo it was submitted with: only a later one is erased.
            var submittedLogo = organisation.ApplicationId is { } applicationId
                ? (await db.Applications.AsNoTracking().Where(a => a.Id == applicationId).Select(a => a.Organisation)
                    .SingleOrDefaultAsync(cancellationToken))?.LogoImageId
                : null;
            if (organisation.LogoImageId != submittedLogo)
            {
                await StoredImages.DeleteAsync(db, organisation.LogoImageId, cancellationToken);
            }

            organisation.LogoImageId = logo.Id;
        }

        organisation.Name = name!;
        organisation.RegionalHeadOffice = headOffice;
        organisation.Presentation = presentation;
        organisation.Website = website;
        organisation.MainActivities = [.. activities];
        organisation.SiteDepartements = [.. sites];
        organisation.InterventionDepartements = [.. zones];
        organisation.HrContactAccountId = hrContact ?? referentId;
        organisation.CardChangedAt = now;
        var card = await CardAsync(db, organisation, cancellationToken);
        var hr = await db.Accounts.Where(a => a.Id == organisation.HrContactAccountId)
            .Select(a => new PersonReference(a.Id, a.FirstName + " " + a.LastName, a.Email)).SingleAsync(cancellationToken);
        db.AddToOutbox(Changed(organisation, hr, now), now);
        await db.SaveChangesAsync(cancellationToken);
        loggers.CreateLogger(typeof(OrganisationCards)).LogInformation("Organisation {OrganisationId} card changed by its referent", organisation.Id);
        return TypedResults.Ok(card);
    }

    private static async Task<Results<FileContentHttpResult, NotFoundProblem>> LogoAsync(
        Guid id, HttpContext context, MembershipDbContext db, CancellationToken cancellationToken)
    {
        var logoId = await db.Organisations.Where(o => o.Id == id && o.MemberSince != null).Select(o => o.LogoImageId).SingleOrDefaultAsync(cancellationToken);
        return await StoredImages.ServeAsync(db, logoId, context, cacheable: true, cancellationToken);
    }

    private static async Task<OrganisationCard> CardAsync(MembershipDbContext db, Organisation organisation, CancellationToken cancellationToken)
    {
        var hrContact = await db.Accounts.AsNoTracking().Where(a => a.Id == organisation.HrContactAccountId)
            .Select(a => new PersonChoice(a.Id.ToString(), a.UserName, a.FirstName + " " + a.LastName)).SingleOrDefaultAsync(cancellationToken);
        return new OrganisationCard(
            organisation.Id, organisation.Name, organisation.Category, organisation.RegionalHeadOffice, organisation.LogoImageId is not null,
            organisation.Presentation, organisation.Website, organisation.CompanyType, organisation.MainActivities, organisation.SiteDepartements,
            organisation.InterventionDepartements, hrContact, organisation.MemberSince);
    }
}
