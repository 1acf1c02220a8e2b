using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Site.Candidats;

namespace Nege.Site.Pages.EspaceMembre.Dossiers;

/// <summary>
/// A document of a dossier, fetched from the API for the organisation that submitted it (the browser never calls the
/// API itself), always as a download: personal data, never kept by the browser, never shown from the site's origin.
/// </summary>
public sealed class DocumentModel(CandidatesApi api) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public Guid DocumentId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        DocumentDownload download;
        try
        {
            download = await api.DownloadDocumentAsync(Id, DocumentId, ct);
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            return NotFound();
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.Forbidden)
        {
            // A follower: the documents are the submitting organisation's.
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        return await download.ToAttachmentAsync(Response, ct);
    }
}
