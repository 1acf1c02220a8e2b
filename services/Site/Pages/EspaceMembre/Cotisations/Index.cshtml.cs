using Microsoft.AspNetCore.Mvc;
using Nege.Contracts.Api.Billing;
using Nege.Site.Cotisations;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Cotisations;

/// <summary>
/// « Appels de cotisation »: the fee calls, filtered by year, status, category and territory, with the totals of all
/// those the filters select (called, paid, outstanding), their CSV export and each call's PDF; for the treasurer, the
/// board and the administrators (Billing checks the role again).
/// </summary>
public sealed class IndexModel(BillingApi api) : FeeCallFilters
{
    public FeeCallPage? Calls { get; private set; }

    public Pager? Pager { get; private set; }

    /// <summary>The CSV export of the same filters.</summary>
    public string ExportHref => $"{BillingDisplay.ExportPath}?{Filter.SiteQuery()}";

    public static IReadOnlyList<(string Value, string Label)> Statuses { get; } = [("", "Tous les statuts"), .. BillingDisplay.Statuses];

    public static IReadOnlyList<(string Value, string Label)> Categories { get; } =
        [("", "Toutes les catégories"), .. Nege.Contracts.Membership.MembershipForm.OrganisationCategories.Select(category => (category, category))];

    public static IReadOnlyList<(string Value, string Label)> Territories { get; } =
        [("", "Tous les territoires"), .. BillingDisplay.Territories.Select(territory => (territory, territory))];

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct)
    {
        if (!ReadFilter())
        {
            return;
        }

        try
        {
            Calls = await api.GetCallsAsync(Filter, Math.Max(1, pageNumber), ct);
            Pager = Pager.Of(Calls.Page, Calls.PageSize, Calls.Total, "?" + Filter.SiteQuery("page="));
        }
        catch (BillingApiException exception)
        {
            // Billing's fields (year, status, category, territory) are the properties' names: their messages show beside them.
            ModelState.AddProblem(exception, "");
        }
    }
}
