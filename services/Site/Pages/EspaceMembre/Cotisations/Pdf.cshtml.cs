using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Site.Cotisations;

namespace Nege.Site.Pages.EspaceMembre.Cotisations;

/// <summary>A fee call's PDF, the document sent to the member, fetched from Billing as a download.</summary>
public sealed class PdfModel(BillingApi api) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            var file = await api.DownloadCallPdfAsync(Id, ct);
            return await file.ToAttachmentAsync(Response, BillingFile.Pdf, $"appel-de-cotisation-{Id}.pdf", ct);
        }
        catch (BillingApiException exception)
        {
            return exception.ToStatusResult();
        }
    }
}
