using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Site.Cotisations;

namespace Nege.Site.Pages.EspaceMembre.Cotisations;

/// <summary>A receipt's PDF (« reçu »), fetched from Billing as a download.</summary>
public sealed class RecuPdfModel(BillingApi api) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            var file = await api.DownloadReceiptPdfAsync(Id, ct);
            return await file.ToAttachmentAsync(Response, BillingFile.Pdf, $"recu-{Id}.pdf", ct);
        }
        catch (BillingApiException exception)
        {
            return exception.ToStatusResult();
        }
    }
}
