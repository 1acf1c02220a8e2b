using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Security;
using Nege.Site.Candidats;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Commission;

/// <summary>
/// « File de travail »: the dossiers of the person's territories (every territory for an administrator),
/// filtered by territory, status and inactivity, the least recently active first.
/// </summary>
public sealed class IndexModel(CandidatesApi api) : PageModel
{
    public const string Path = "/espace-membre/commission";

    [BindProperty(SupportsGet = true, Name = "territoire")]
    public string? Territory { get; set; }

    [BindProperty(SupportsGet = true, Name = "statut")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "sans-activite")]
    public bool InactiveOnly { get; set; }

    public Nege.ServiceDefaults.Http.PageOf<WorkQueueItem>? Queue { get; private set; }

    public Pager? Pager { get; private set; }

    /// <summary>The territory filter's choices: an administrator also sees the dossiers outside every territory.</summary>
    public IReadOnlyList<(string Value, string Label)> Territories =>
    [
        ("", User.HasClaim(NegeClaims.Role, NegeRoles.Admin) ? "Tous les territoires" : "Tous mes territoires"),
        .. CandidateForm.Territories.Select(territory => (territory, territory)),
        .. User.HasClaim(NegeClaims.Role, NegeRoles.Admin) ? [(CandidatesApi.Undispatched, "Hors territoire (à répartir)")] : Array.Empty<(string, string)>(),
    ];

    public static IReadOnlyList<(string Value, string Label)> Statuses { get; } =
        [("", "Tous les statuts"), .. DossierStatuses.All];

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct)
    {
        Territory = string.IsNullOrWhiteSpace(Territory) ? null : Territory.Trim();
        Status = string.IsNullOrWhiteSpace(Status) ? null : Status.Trim();
        try
        {
            Queue = await api.GetQueueAsync(Territory, Status, InactiveOnly, Math.Max(1, pageNumber), ct);
            Pager = Pager.Of(Queue.Page, Queue.PageSize, Queue.Total, LinkPrefix());
        }
        catch (CandidatesApiException exception)
        {
            // The API's keys (territory, status) are the filters' own: their messages show beside them.
            ModelState.AddProblem(exception, "");
        }
    }

    private string LinkPrefix()
    {
        var query = new List<string>();
        if (Territory is not null)
        {
            query.Add("territoire=" + Uri.EscapeDataString(Territory));
        }

        if (Status is not null)
        {
            query.Add("statut=" + Uri.EscapeDataString(Status));
        }

        if (InactiveOnly)
        {
            query.Add("sans-activite=true");
        }

        query.Add("page=");
        return "?" + string.Join('&', query);
    }
}
