using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Api.Directory;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Security;

namespace Nege.Directory.Organisations;

/// <summary>« Annuaire des entreprises »: anyone searches the current members and opens their pages.</summary>
public static class DirectoryEndpoints
{
    public const string Route = "/api/directory/organisations";

    public static IEndpointRouteBuilder MapDirectory(this IEndpointRouteBuilder routes)
    {
        var directory = routes.MapGroup(Route).WithTags("Annuaire").AllowEveryone();
        directory.MapGet("/", SearchAsync).Produces<PageOf<DirectoryEntryView>>()
            .WithSummary("Rechercher les organismes adhérents (texte sans accents et par début de mot ; filtres : catégorie, département, activité principale, type d'entreprise)");
        directory.MapGet("/{id:guid}", GetAsync).WithSummary("La page d'un organisme adhérent");
        return routes;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> SearchAsync(
        DirectoryDbContext db, DirectorySearchCache cache, string? q, string? category, string? departement, string? activity, string? companyType, int? page,
        int? pageSize, CancellationToken cancellationToken)
    {
        var (criteria, errors) = DirectorySearch.Validate(q, category, departement, activity, companyType, page, pageSize);
        return criteria is null ? errors.ToProblem() : TypedResults.Bytes(await cache.SearchAsync(db, criteria, cancellationToken), "application/json");
    }

    private static async Task<Results<Ok<DirectoryOrganisationView>, NotFoundProblem>> GetAsync(DirectoryDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var organisation = await DirectorySearch.Listed(db).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        return organisation is null
            ? Problems.NotFound("Cet organisme ne figure pas dans l'annuaire.")
            : TypedResults.Ok(new DirectoryOrganisationView(organisation.Id, organisation.Name, organisation.Category, organisation.CompanyType,
                organisation.RegionalHeadOffice, organisation.PresentationHtml, organisation.Website, organisation.MainActivities, organisation.SiteDepartements,
                organisation.InterventionDepartements, DirectorySearch.LogoUrl(organisation.Id, organisation.StoredLogoVersion),
                organisation.HrContactEmail is not null, organisation.MemberSince!.Value));
    }
}
