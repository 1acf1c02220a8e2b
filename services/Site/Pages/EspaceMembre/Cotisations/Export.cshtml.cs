using System.Net;
using Microsoft.AspNetCore.Mvc;
using Nege.Site.Cotisations;

namespace Nege.Site.Pages.EspaceMembre.Cotisations;

/// <summary>
/// The fee calls the list's filters select, as CSV: Billing's file streamed on as a download, never kept by the browser.
/// Filters it refuses send the treasurer back to the list, which shows why.
/// </summary>
public sealed class ExportModel(BillingApi api) : FeeCallFilters
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ReadFilter())
        {
            return Redirect(ListHref());
        }

        try
        {
            var file = await api.DownloadCallsCsvAsync(Filter, ct);
            var name = Filter.Year is { } year ? $"appels-de-cotisation-{year}.csv" : "appels-de-cotisation.csv";
            return await file.ToAttachmentAsync(Response, BillingFile.Csv, name, ct);
        }
        catch (BillingApiException exception) when (exception.Status == HttpStatusCode.BadRequest)
        {
            return Redirect(ListHref());
        }
        catch (BillingApiException exception)
        {
            return exception.ToStatusResult();
        }
    }
}
