using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Security;
using Nege.Site.Candidats;
using Nege.Site.Membership;
using RequestsPage = Nege.ServiceDefaults.Http.PageOf<Nege.Contracts.Api.Candidates.CommissionRightsRequestView>;

namespace Nege.Site.Pages.EspaceMembre.Commission;

/// <summary>
/// « Demandes des candidats »: the correction, objection and erasure requests of the candidates of the person's
/// territories, to answer (« À traiter »), overdue (« En retard », open past the month) or answered (« Traitées »),
/// each with its due date and the link to its dossier; a pilot (or an administrator) accepts or refuses each with a message.
/// </summary>
public sealed class DemandesModel(CandidatesApi api) : PageModel
{
    public const string Path = "/espace-membre/commission/demandes";

    /// <summary>The filter's values in the site's address, the API's, and their labels.</summary>
    public static readonly IReadOnlyList<(string Value, string ApiState, string Label)> States =
    [
        ("a-traiter", "open", "À traiter"),
        ("en-retard", "overdue", "En retard"),
        ("traitees", "answered", "Traitées"),
    ];

    public const string AcceptedNotice = "acceptee";

    public const string RefusedNotice = "refusee";

    public const string WithdrawnNotice = "retire";

    public const string ErasedNotice = "efface";

    private static readonly IReadOnlyDictionary<string, string> Done = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [AcceptedNotice] = "La demande est acceptée ; le candidat en est informé par courriel.",
        [RefusedNotice] = "La demande est refusée ; le candidat reçoit votre message par courriel.",
        [WithdrawnNotice] = "L'opposition est acceptée : le dossier du candidat est retiré ; le candidat en est informé par courriel.",
        [ErasedNotice] = "La suppression est acceptée : le dossier du candidat est effacé ; le candidat en est informé par courriel.",
    };

    [BindProperty(SupportsGet = true, Name = "etat")]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true, Name = "territoire")]
    public string? Territory { get; set; }

    public RequestsPage? Requests { get; private set; }

    public Pager? Pager { get; private set; }

    public string? Notice { get; private set; }

    /// <summary>The request whose answer was refused, and the message typed for it (shown again in its form).</summary>
    public (Guid Id, string? Message)? Answering { get; private set; }

    public IReadOnlyList<(string Value, string Label)> Territories =>
    [
        ("", User.HasClaim(NegeClaims.Role, NegeRoles.Admin) ? "Tous les territoires" : "Tous mes territoires"),
        .. CandidateForm.Territories.Select(territory => (territory, territory)),
    ];

    /// <summary>The filter's value in the address: « a-traiter » unless another known one.</summary>
    public string StateValue => States.Any(state => state.Value == State) ? State! : States[0].Value;

    /// <summary>What the answer's form carries back, so that the page comes back to the same list.</summary>
    public IReadOnlyList<(string Name, string? Value)> Filters => [("etat", StateValue), ("territoire", Territory)];

    /// <summary>The notice shown after an answer (<see cref="Done"/>): an accepted erasure or objection says what became of the dossier.</summary>
    public static string Outcome(RightsRequestView answered) => answered switch
    {
        { State: not CandidateSpaceDisplay.Accepted } => RefusedNotice,
        { Kind: CandidateSpaceDisplay.Erasure } => ErasedNotice,
        { Kind: CandidateSpaceDisplay.Objection } => WithdrawnNotice,
        _ => AcceptedNotice,
    };

    public static string? NoticeOf(string? fait) => fait is not null && Done.TryGetValue(fait, out var notice) ? notice : null;

    public Task OnGetAsync(string? fait, [FromQuery(Name = "page")] int pageNumber, CancellationToken ct)
    {
        Notice = NoticeOf(fait);
        return LoadAsync(Math.Max(1, pageNumber), ct);
    }

    /// <summary>« Accepter » / « Refuser »: the API's refusals (a message missing, not a pilot, already answered) beside the request's form.</summary>
    public async Task<IActionResult> OnPostRequestAnswerAsync(Guid requestId, string? decision, string? message, CancellationToken ct)
    {
        if (await RightsRequestAnswerForm.SendAsync(api, ModelState, requestId, decision, message, ct) is { } answered)
        {
            return RedirectToPage(null, null, new { etat = StateValue, territoire = Blank(Territory), fait = Outcome(answered) }, null);
        }

        Answering = (requestId, message);
        await LoadAsync(1, ct);
        return Page();
    }

    private async Task LoadAsync(int pageNumber, CancellationToken ct)
    {
        Territory = Blank(Territory);
        var state = States.First(s => s.Value == StateValue);
        try
        {
            Requests = await api.GetRightsRequestsAsync(state.ApiState, Territory, pageNumber, ct);
            Pager = Pager.Of(Requests.Page, Requests.PageSize, Requests.Total, LinkPrefix());
        }
        catch (CandidatesApiException exception)
        {
            // The API's keys (state, territory) are the filters' own: their messages show beside them.
            ModelState.AddProblem(exception, "");
        }
    }

    private string LinkPrefix()
    {
        var query = new List<string> { "etat=" + StateValue };
        if (Territory is not null)
        {
            query.Add("territoire=" + Uri.EscapeDataString(Territory));
        }

        query.Add("page=");
        return "?" + string.Join('&', query);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
