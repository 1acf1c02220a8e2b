using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.Site.Candidats;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Dossiers;

/// <summary>
/// « Dossiers de candidats »: the dossiers the person's organisation submitted or follows, filtered by status, paged,
/// in the order the API gives them (by last update).
/// </summary>
public sealed class IndexModel(CandidatesApi api) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "statut")]
    public string? Status { get; set; }

    public Nege.ServiceDefaults.Http.PageOf<PartnerDossierView>? Dossiers { get; private set; }

    public Pager? Pager { get; private set; }

    public static IReadOnlyList<(string Value, string Label)> Statuses { get; } =
        [("", "Tous les statuts"), .. DossierStatuses.All];

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct)
    {
        Status = string.IsNullOrWhiteSpace(Status) ? null : Status.Trim();
        try
        {
            Dossiers = await api.GetAdviserDossiersAsync(Status, Math.Max(1, pageNumber), ct);
            Pager = Pager.Of(Dossiers.Page, Dossiers.PageSize, Dossiers.Total,
                Status is null ? "?page=" : $"?statut={Uri.EscapeDataString(Status)}&page=");
        }
        catch (CandidatesApiException exception)
        {
            // The API's key (status) is the filter's own: its message shows beside it; a 403 (an account attached
            // to no organisation) says so at the top.
            ModelState.AddProblem(exception, "");
        }
    }
}
