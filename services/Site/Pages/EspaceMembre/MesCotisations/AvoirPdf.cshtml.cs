using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Site.Cotisations;

namespace Nege.Site.Pages.EspaceMembre.MesCotisations;

/// <summary>A credit note of the organisation as PDF, fetched from Billing (which checks it is the referent's own) as a download.</summary>
public sealed class AvoirPdfModel(BillingApi api) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            var file = await api.DownloadMyCreditNotePdfAsync(Id, ct);
            return await file.ToAttachmentAsync(Response, BillingFile.Pdf, $"avoir-{Id}.pdf", ct);
        }
        catch (BillingApiException exception)
        {
            return exception.ToStatusResult();
        }
    }
}
