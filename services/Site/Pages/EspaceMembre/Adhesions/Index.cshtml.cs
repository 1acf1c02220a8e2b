using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Site.Membership;
using Nege.Contracts.Api.Membership;

namespace Nege.Site.Pages.EspaceMembre.Adhesions;

/// <summary>The membership applications, by status; the ones to decide first, oldest first.</summary>
public sealed class IndexModel(MembershipApi api) : PageModel
{
    /// <summary>The filter's values in the address, and the API's status for each.</summary>
    public static readonly IReadOnlyList<(string Slug, string Status, string Label)> Filters =
    [
        ("a-traiter", "submitted", "À traiter"),
        ("acceptees", "accepted", "Acceptées"),
        ("refusees", "refused", "Refusées"),
        ("toutes", "all", "Toutes"),
    ];

    [BindProperty(SupportsGet = true, Name = "statut")]
    public string? Statut { get; set; }

    public PageOf<ApplicationSummary>? Applications { get; private set; }

    public Pager? Pager => Applications is { } applications
        ? new Pager(applications.Page, applications.PageCount, $"?statut={Uri.EscapeDataString(Statut ?? "")}&page=")
        : null;

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct)
    {
        var filter = Filters.FirstOrDefault(filter => filter.Slug == Statut);
        if (filter.Slug is null)
        {
            filter = Filters[0];
        }

        Statut = filter.Slug;
        try
        {
            Applications = await api.GetApplicationsAsync(filter.Status, Math.Max(1, pageNumber), ct);
        }
        catch (MembershipApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }
    }
}
