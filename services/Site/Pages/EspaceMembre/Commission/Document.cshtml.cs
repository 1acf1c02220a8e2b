using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Site.Candidats;

namespace Nege.Site.Pages.EspaceMembre.Commission;

/// <summary>A document of a dossier of the member's territories (the CV the analysis is about), fetched from the API, as a download.</summary>
public sealed class DocumentModel(CandidatesApi api) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public Guid DocumentId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            return await (await api.DownloadCommissionDocumentAsync(Id, DocumentId, ct)).ToAttachmentAsync(Response, ct);
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            return NotFound();
        }
    }
}
