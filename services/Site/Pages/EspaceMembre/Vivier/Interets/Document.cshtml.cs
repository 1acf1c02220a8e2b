using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Site.Candidats;

namespace Nege.Site.Pages.EspaceMembre.Vivier.Interets;

/// <summary>A document (the CV) of a candidate who agreed to be contacted by the person's organisation, fetched from the API, as a download.</summary>
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
            return await (await api.DownloadInterestDocumentAsync(Id, DocumentId, ct)).ToAttachmentAsync(Response, ct);
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            // Not (yet) agreed, not the organisation's interest, or no such document.
            return NotFound();
        }
    }
}
