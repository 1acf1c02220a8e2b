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
    /// <summary>The formats Candidates accepts (recognised by their content); anything else is sent on as bytes.</summary>
    private static readonly HashSet<string> DocumentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.oasis.opendocument.text",
        "image/png",
        "image/jpeg",
    };

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

        Response.RegisterForDispose(download);
        Response.Headers.CacheControl = "private, no-store";
        var type = DocumentTypes.Contains(download.ContentType) ? download.ContentType : "application/octet-stream";
        return File(await download.OpenAsync(ct), type, download.FileName ?? "document");
    }
}
