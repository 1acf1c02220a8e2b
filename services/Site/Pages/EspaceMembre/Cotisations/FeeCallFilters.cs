using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Site.Cotisations;

namespace Nege.Site.Pages.EspaceMembre.Cotisations;

/// <summary>
/// The fee calls' filters, read from the site's French query (<c>annee</c>, <c>statut</c>, <c>categorie</c>,
/// <c>territoire</c>, <c>organisme</c>); their messages are keyed by the properties' names, as Billing's fields are (<c>year</c> →
/// <c>Year</c>). Without a year, every year's calls are listed, the newest first: in December the new members' calls are
/// already for the next year, and a list of the current year's alone would hide them.
/// </summary>
public abstract class FeeCallFilters : PageModel
{
    /// <summary>The year as typed (kept when it is not one).</summary>
    public string? Year { get; private set; }

    public string? Status { get; private set; }

    public string? Category { get; private set; }

    public string? Territory { get; private set; }

    public string? Organisation { get; private set; }

    /// <summary>The filters read by <see cref="ReadFilter"/>.</summary>
    public FeeCallFilter Filter { get; private set; } = new(null, null, null, null);

    /// <summary>Reads the filters; false (with the messages beside the fields) when one is not valid.</summary>
    protected bool ReadFilter()
    {
        var query = Request.Query;
        Year = Clean(query[FeeCallFilter.YearParameter]);
        Status = Clean(query[FeeCallFilter.StatusParameter]);
        Category = Clean(query[FeeCallFilter.CategoryParameter]);
        Territory = Clean(query[FeeCallFilter.TerritoryParameter]);
        Organisation = Clean(query[FeeCallFilter.OrganisationParameter]);
        int? year = null;
        if (Year is not null)
        {
            if (int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var typed) && typed is >= 1900 and <= 9999)
            {
                year = typed;
            }
            else
            {
                ModelState.AddModelError(nameof(Year), "Saisissez une année (par exemple 2026), ou laissez vide pour toutes les années.");
            }
        }

        Filter = new FeeCallFilter(year, Status, Category, Territory, Organisation);
        return ModelState.IsValid;
    }

    /// <summary>The list with the filters as typed, where their messages show beside them.</summary>
    protected string ListHref()
    {
        var query = string.Join('&',
            new[] { FeeCallFilter.YearParameter, FeeCallFilter.StatusParameter, FeeCallFilter.CategoryParameter, FeeCallFilter.TerritoryParameter, FeeCallFilter.OrganisationParameter }
                .Where(Request.Query.ContainsKey)
                .Select(name => $"{name}={Uri.EscapeDataString(Request.Query[name].ToString())}"));
        return query.Length > 0 ? $"{BillingDisplay.CallsPath}?{query}" : BillingDisplay.CallsPath;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
