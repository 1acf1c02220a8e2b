using System.Globalization;
using Nege.Site.Api;

namespace Nege.Site.Annuaire;

/// <summary>
/// A search of the directory, each criterion optional: the site's query takes French names (<c>q</c>, <c>categorie</c>,
/// <c>departement</c>, <c>activite</c>, <c>type</c>), the API its own (<c>q</c>, <c>category</c>, <c>departement</c>,
/// <c>activity</c>, <c>companyType</c>).
/// </summary>
public sealed record DirectoryQuery(string? Text, string? Category, string? Departement, string? Activity, string? CompanyType)
{
    public const string TextParameter = "q";

    public const string CategoryParameter = "categorie";

    public const string DepartementParameter = "departement";

    public const string ActivityParameter = "activite";

    public const string CompanyTypeParameter = "type";

    public const string PageParameter = "page";

    public bool IsEmpty => Text is null && Category is null && Departement is null && Activity is null && CompanyType is null;

    /// <summary>The criteria read from the site's query, blanks left out.</summary>
    public static DirectoryQuery From(IQueryCollection query) => new(
        Clean(query[TextParameter]), Clean(query[CategoryParameter]), Clean(query[DepartementParameter]),
        Clean(query[ActivityParameter]), Clean(query[CompanyTypeParameter]));

    public string ApiQuery(int page, int pageSize) => Join(
        [("q", Text), ("category", Category), ("departement", Departement), ("activity", Activity), ("companyType", CompanyType)],
        $"page={page.ToString(CultureInfo.InvariantCulture)}&pageSize={pageSize.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The same criteria in the site's own query (the pager's links).</summary>
    public string SiteQuery(string? tail = null) => Join(
        [(TextParameter, Text), (CategoryParameter, Category), (DepartementParameter, Departement), (ActivityParameter, Activity), (CompanyTypeParameter, CompanyType)],
        tail);

    private static string Join(IEnumerable<(string Name, string? Value)> pairs, string? tail) =>
        string.Join('&', pairs.Where(pair => pair.Value is { Length: > 0 }).Select(pair => $"{pair.Name}={ServiceApi.Escape(pair.Value)}")
            .Concat(tail is { Length: > 0 } ? [tail] : []));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
