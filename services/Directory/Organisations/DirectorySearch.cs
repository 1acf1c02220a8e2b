using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Membership;
using Nege.Contracts.Api.Directory;
using Nege.ServiceDefaults.Http;

namespace Nege.Directory.Organisations;

/// <summary>A validated search of the directory.</summary>
public sealed record DirectoryCriteria(string? Prefixes, string? Category, string? Departement, string? Activity, string? CompanyType, int Page, int PageSize);

/// <summary>
/// The public search of members: PostgreSQL full text over the name, the activities and the presentation, without
/// accents or case (unaccent, then French stemming), every word a prefix (« numer » finds « Numéric'Emploi »), ranked
/// with the name weighing most; without words, by name.
/// </summary>
public static partial class DirectorySearch
{
    public const int TextMaxLength = 200;

    private const int MaxWords = 8;

    private const string Config = DirectoryOrganisationConfiguration.SearchConfiguration;

    public static (DirectoryCriteria? Criteria, ValidationErrors Errors) Validate(
        string? q, string? category, string? departement, string? activity, string? companyType, int? page, int? pageSize)
    {
        var errors = Paging.Validate(page, pageSize);
        errors.AddIf(q is { Length: > TextMaxLength }, "q", $"La recherche fait au plus {TextMaxLength} caractères.");
        Choice(errors, "category", category, MembershipForm.OrganisationCategories, "La catégorie");
        Choice(errors, "departement", departement, MembershipForm.Departements, "Le département");
        Choice(errors, "activity", activity, MembershipForm.MainActivities, "L'activité principale");
        Choice(errors, "companyType", companyType, MembershipForm.CompanyTypes, "Le type d'entreprise");
        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        var (number, size) = Paging.Of(page, pageSize);
        return (new DirectoryCriteria(Prefixes(q), Clean(category), Clean(departement), Clean(activity), Clean(companyType), number, size), errors);
    }

    /// <summary>The words typed, each a prefix, all required: « numér emploi » → <c>numér:* &amp; emploi:*</c>.</summary>
    public static string? Prefixes(string? q)
    {
        var words = Words().Matches(q ?? "").Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxWords).ToList();
        return words.Count == 0 ? null : string.Join(" & ", words.Select(w => w + ":*"));
    }

    public static IQueryable<DirectoryOrganisation> Listed(DirectoryDbContext db) =>
        db.Organisations.AsNoTracking().Where(o => o.MemberSince != null && o.LapsedAt == null);

    public static async Task<PageOf<DirectoryEntryView>> RunAsync(DirectoryDbContext db, DirectoryCriteria criteria, CancellationToken cancellationToken)
    {
        var organisations = Listed(db);
        if (criteria.Category is { } category)
        {
            organisations = organisations.Where(o => o.Category == category);
        }

        if (criteria.Departement is { } departement)
        {
            organisations = organisations.Where(o => o.SiteDepartements.Contains(departement) || o.InterventionDepartements.Contains(departement));
        }

        if (criteria.Activity is { } activity)
        {
            organisations = organisations.Where(o => o.MainActivities.Contains(activity));
        }

        if (criteria.CompanyType is { } companyType)
        {
            organisations = organisations.Where(o => o.CompanyType == companyType);
        }

        if (criteria.Prefixes is { } prefixes)
        {
            organisations = organisations.Where(o => o.Search.Matches(EF.Functions.ToTsQuery(Config, prefixes)))
                .OrderByDescending(o => o.Search.Rank(EF.Functions.ToTsQuery(Config, prefixes))).ThenBy(o => o.Name).ThenBy(o => o.Id);
        }
        else
        {
            organisations = organisations.OrderBy(o => o.Name).ThenBy(o => o.Id);
        }

        var total = await organisations.CountAsync(cancellationToken);
        var rows = await organisations.Skip((criteria.Page - 1) * criteria.PageSize).Take(criteria.PageSize)
            .Select(o => new { o.Id, o.Name, o.Category, o.CompanyType, o.RegionalHeadOffice, o.MainActivities, o.SiteDepartements, o.InterventionDepartements, o.StoredLogoVersion })
            .ToListAsync(cancellationToken);
        return new PageOf<DirectoryEntryView>(
            [.. rows.Select(o => new DirectoryEntryView(o.Id, o.Name, o.Category, o.CompanyType, o.RegionalHeadOffice, o.MainActivities,
                Departements(o.SiteDepartements, o.InterventionDepartements), LogoUrl(o.Id, o.StoredLogoVersion)))],
            criteria.Page, criteria.PageSize, total);
    }

    /// <summary>Sites and intervention zones together, each once, in the seed's order.</summary>
    public static IReadOnlyList<string> Departements(IEnumerable<string> sites, IEnumerable<string> interventions)
    {
        var all = sites.Concat(interventions).ToHashSet(StringComparer.Ordinal);
        return [.. MembershipForm.Departements.Where(all.Contains)];
    }

    /// <summary>The logo's address, its version in the query so that a new logo is a new address for every cache.</summary>
    public static string? LogoUrl(Guid id, string? version) => version is null ? null : $"/api/directory/organisations/{id}/logo?v={version}";

    private static void Choice(ValidationErrors errors, string field, string? value, IReadOnlyList<string> allowed, string label) =>
        errors.AddIf(Clean(value) is { } chosen && !allowed.Contains(chosen, StringComparer.Ordinal), field,
            $"{label} doit être l'un de : {string.Join(", ", allowed.Select(a => $"« {a} »"))}.");

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}
