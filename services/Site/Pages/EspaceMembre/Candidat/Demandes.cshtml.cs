using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Candidates;
using Nege.Site.Candidats;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Candidat;

/// <summary>
/// « Mes demandes »: the candidate asks the territory's pilot for a correction of the commission's analyses, objects to
/// the processing of their data or asks that their dossier be closed and erased, with a reason; the pilot answers
/// within the month. The requests made, where they stand and the pilot's answers are listed below.
/// </summary>
public sealed class DemandesModel(CandidatesApi api) : PageModel
{
    public const string Path = CandidateSpaceDisplay.RequestsPath;

    public const string Sent = "envoyee";

    [BindProperty]
    public RequestInput Input { get; set; } = new();

    public CandidateDossierView? Dossier { get; private set; }

    public string? Notice { get; private set; }

    /// <param name="demande">The kind to choose beforehand (the link beside the analyses asks for a correction).</param>
    public Task<IActionResult> OnGetAsync(string? etat, string? demande, CancellationToken ct)
    {
        Notice = etat == Sent
            ? "Votre demande est transmise au pilote de la commission de votre territoire : il doit vous répondre dans un délai d'un mois, par courriel et sur cette page."
            : null;
        Input.Kind = CandidateSpaceDisplay.IsRequestKind(demande) ? demande : null;
        return LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CandidateSpaceDisplay.IsRequestKind(Input.Kind))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(RequestInput.Kind)}", "Choisissez l'objet de votre demande.");
            return await LoadAsync(ct);
        }

        try
        {
            await api.MakeRightsRequestAsync(Input.Kind, string.IsNullOrWhiteSpace(Input.Reason) ? null : Input.Reason.Trim(), ct);
            return RedirectToPage(null, null, new { etat = Sent }, "mes-demandes");
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            return Redirect(IndexModel.Path);
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.Conflict && exception.Problem?.Errors is not { Count: > 0 })
        {
            // A request of that kind is still open: said beside the choice of kind.
            ModelState.AddModelError($"{nameof(Input)}.{nameof(RequestInput.Kind)}",
                exception.Problem?.Detail ?? exception.Problem?.Title ?? "Une demande de ce type est déjà en cours : le pilote doit d'abord y répondre.");
        }
        catch (CandidatesApiException exception)
        {
            // 400: kind, reason → Input.Kind, Input.Reason.
            ModelState.AddProblem(exception, nameof(Input));
        }

        return await LoadAsync(ct);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        try
        {
            Dossier = await api.GetMyDossierAsync(ct);
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            // No dossier attached (or it was erased): the space's page offers to attach one.
            return Redirect(IndexModel.Path);
        }
        catch (CandidatesApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }

        return Page();
    }

    public sealed class RequestInput
    {
        /// <summary>« correction », « objection » or « erasure ».</summary>
        public string? Kind { get; set; }

        public string? Reason { get; set; }
    }
}
