using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Directory;
using Nege.Contracts.Membership;
using Nege.Site.Annuaire;
using Nege.Site.Membership;

namespace Nege.Site.Pages.Annuaire;

/// <summary>
/// « Annuaire des entreprises »: anyone searches the current members by words (without accents, by the start of the
/// words) and filters (category, département, main activity, company type), in a form sent by GET (no script); the
/// results, their count and a pager, or Directory's messages beside the fields.
/// </summary>
public sealed class IndexModel(DirectoryApi api) : PageModel
{
    /// <summary>Directory's parameters (the keys of its 400) by the field showing them; <c>page</c> has none (at the top).</summary>
    private static readonly IReadOnlyDictionary<string, string> FieldOfParameter = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["q"] = nameof(Text),
        ["category"] = nameof(Category),
        ["departement"] = nameof(Departement),
        ["activity"] = nameof(Activity),
        ["companyType"] = nameof(CompanyType),
    };

    // The criteria as typed, read from the query rather than bound, so that the model state's keys are the fields' ids.
    public string? Text => Query.Text;

    public string? Category => Query.Category;

    public string? Departement => Query.Departement;

    public string? Activity => Query.Activity;

    public string? CompanyType => Query.CompanyType;

    public DirectoryQuery Query { get; private set; } = new(null, null, null, null, null);

    /// <summary>Null when Directory refused the search or did not answer (the messages are in the model state).</summary>
    public Nege.ServiceDefaults.Http.PageOf<DirectoryEntryView>? Results { get; private set; }

    public Pager? Pager { get; private set; }

    public static IReadOnlyList<(string Value, string Label)> Categories { get; } = Options("Toutes les catégories", MembershipForm.OrganisationCategories);

    public static IReadOnlyList<(string Value, string Label)> Departements { get; } = Options("Tous les départements", MembershipForm.Departements);

    public static IReadOnlyList<(string Value, string Label)> Activities { get; } = Options("Toutes les activités", MembershipForm.MainActivities);

    public static IReadOnlyList<(string Value, string Label)> CompanyTypes { get; } = Options("Tous les types", MembershipForm.CompanyTypes);

    public async Task OnGetAsync([FromQuery(Name = DirectoryQuery.PageParameter)] int pageNumber, CancellationToken ct)
    {
        Query = DirectoryQuery.From(Request.Query);
        // A page number that is not one (« ?page=abc ») is the first page.
        ModelState.Remove(DirectoryQuery.PageParameter);
        try
        {
            Results = await api.SearchAsync(Query, Math.Max(1, pageNumber), DirectoryApi.PageSize, ct);
            Pager = Pager.Of(Results.Page, Results.PageSize, Results.Total, "?" + Query.SiteQuery(DirectoryQuery.PageParameter + "="));
        }
        catch (DirectoryApiException exception)
        {
            var errors = exception.Problem?.Errors ?? new Dictionary<string, string[]>();
            foreach (var (parameter, messages) in errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(FieldOfParameter.GetValueOrDefault(parameter) ?? "", message);
                }
            }

            if (errors.Count == 0)
            {
                ModelState.AddModelError("", exception.Problem?.Detail ?? exception.Unavailable);
            }
        }
    }

    private static IReadOnlyList<(string Value, string Label)> Options(string all, IReadOnlyList<string> values) =>
        [("", all), .. values.Select(value => (value, value))];
}
