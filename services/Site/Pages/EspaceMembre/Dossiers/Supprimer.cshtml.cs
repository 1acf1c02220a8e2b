using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Candidates;
using Nege.Site.Candidats;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Dossiers;

/// <summary>Asks for confirmation, then removes a document from a dossier (its bytes go with it).</summary>
public sealed class SupprimerModel(CandidatesApi api) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public Guid DocumentId { get; set; }

    public DossierDocumentView? Document { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Document = (await api.GetDocumentsAsync(Id, ct)).Documents.FirstOrDefault(document => document.Id == DocumentId);
            return Document is null ? NotFound() : Page();
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            return NotFound();
        }
        catch (CandidatesApiException exception)
        {
            ModelState.AddProblem(exception, "");
            return Page();
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await api.DeleteDocumentAsync(Id, DocumentId, ct);
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            // Already removed (the form sent twice), or never there: the dossier's page says which documents remain.
        }
        catch (CandidatesApiException exception)
        {
            ModelState.AddProblem(exception, "");
            return Page();
        }

        return RedirectToPage("Dossier", null, new { id = Id, etat = "document-supprime" }, "documents");
    }
}
