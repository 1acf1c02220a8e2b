using System.Globalization;
using Nege.Site.Api;

namespace Nege.Site.Cotisations;

/// <summary>
/// What the quote (GET /api/billing/quote) is asked for; a fact left out (null) is not sent, and Billing says
/// whether it needed it. The parameters' names are those of the API's 400 errors.
/// </summary>
public sealed record FeeQuoteQuery(
    int Year,
    string? Category,
    bool? DigitalSector,
    int? Alsace,
    int? ChampagneArdenne,
    int? Lorraine,
    bool? Affiliated,
    DateOnly? StartupCreatedOn = null,
    int? StartupHeadcount = null,
    string? StartupTurnover = null,
    bool? StartupPack = null)
{
    public string ApiQuery()
    {
        var query = new List<string> { "year=" + Number(Year) };
        Add(query, "category", Category);
        Add(query, "digitalSector", Boolean(DigitalSector));
        Add(query, "alsace", Number(Alsace));
        Add(query, "champagneArdenne", Number(ChampagneArdenne));
        Add(query, "lorraine", Number(Lorraine));
        Add(query, "affiliated", Boolean(Affiliated));
        Add(query, "startupCreatedOn", StartupCreatedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(query, "startupHeadcount", Number(StartupHeadcount));
        Add(query, "startupTurnover", StartupTurnover);
        Add(query, "startupPack", Boolean(StartupPack));
        return string.Join('&', query);
    }

    private static void Add(List<string> query, string name, string? value)
    {
        if (value is { Length: > 0 })
        {
            query.Add($"{name}={ServiceApi.Escape(value)}");
        }
    }

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Boolean(bool? value) => value switch { true => "true", false => "false", null => null };
}

/// <summary>
/// The treasurer's filters of the fee calls, each optional: the site's query takes French names (<c>annee</c>,
/// <c>statut</c>, <c>categorie</c>, <c>territoire</c>), the API its own (<c>year</c>, <c>status</c>…).
/// </summary>
public sealed record FeeCallFilter(int? Year, string? Status, string? Category, string? Territory, string? Organisation = null)
{
    public const string YearParameter = "annee";

    public const string StatusParameter = "statut";

    public const string CategoryParameter = "categorie";

    public const string TerritoryParameter = "territoire";

    /// <summary>Part of the organisation's name, or the call's number.</summary>
    public const string OrganisationParameter = "organisme";

    /// <param name="tail">What follows the filters (<c>page=2&amp;pageSize=20</c>).</param>
    public string ApiQuery(string? tail = null) => Join(
        [
            ("year", Year?.ToString(CultureInfo.InvariantCulture)), ("status", Status), ("category", Category), ("territory", Territory), ("q", Organisation),
        ], tail);

    /// <summary>
    /// The same filters in the site's own query (the export's link, the pager's). The year is always written, empty for
    /// every year: without it, the list shows the current year's calls.
    /// </summary>
    public string SiteQuery(string? tail = null) =>
        $"{YearParameter}={Year?.ToString(CultureInfo.InvariantCulture)}"
        + (Join([(StatusParameter, Status), (CategoryParameter, Category), (TerritoryParameter, Territory), (OrganisationParameter, Organisation)], tail) is { Length: > 0 } rest ? "&" + rest : "");

    private static string Join(IEnumerable<(string Name, string? Value)> pairs, string? tail) =>
        string.Join('&', pairs.Where(pair => pair.Value is { Length: > 0 }).Select(pair => $"{pair.Name}={ServiceApi.Escape(pair.Value)}")
            .Concat(tail is { Length: > 0 } ? [tail] : []));
}
