using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Site.Cotisations;

namespace Nege.Site.Pages.EspaceMembre.MesCotisations;

/// <summary>One of the organisation's fee calls as PDF, fetched from Billing (which checks it is the referent's own) as a download.</summary>
public sealed class PdfModel(BillingApi api) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            var file = await api.DownloadMyCallPdfAsync(Id, ct);
            return await file.ToAttachmentAsync(Response, BillingFile.Pdf, $"appel-de-cotisation-{Id}.pdf", ct);
        }
        catch (BillingApiException exception)
        {
            return exception.ToStatusResult();
        }
    }
}
