using System.Net;
using Microsoft.AspNetCore.Mvc;
using Nege.Site.Candidats;

namespace Nege.Site.Pages.EspaceMembre.DonneesPersonnelles;

/// <summary>
/// The journal as CSV, with the list's filters: Candidates' file streamed on as a download, never kept by the browser.
/// Filters it refuses send the officer back to the list, which shows why.
/// </summary>
public sealed class ExportModel(CandidatesApi api) : PersonalDataReadFilters
{
    public const string ContentType = "text/csv; charset=utf-8";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!FiltersAreValid())
        {
            return BackToTheList();
        }

        try
        {
            var download = await api.ExportPersonalDataReadsAsync(Filter, ct);
            Response.RegisterForDispose(download);
            Response.Headers.CacheControl = "private, no-store";
            return new FileStreamResult(await download.OpenAsync(ct), ContentType)
            {
                FileDownloadName = download.FileName ?? "journal-donnees-personnelles.csv",
            };
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.BadRequest)
        {
            return BackToTheList();
        }
    }

    /// <summary>The list with the filters as typed, where their messages show beside them.</summary>
    private RedirectResult BackToTheList()
    {
        var query = string.Join('&', Request.Query
            .Where(pair => pair.Key is PersonalDataReadFilter.DossierParameter or PersonalDataReadFilter.ReaderParameter
                or PersonalDataReadFilter.FromParameter or PersonalDataReadFilter.ToParameter)
            .Select(pair => $"{pair.Key}={Uri.EscapeDataString(pair.Value.ToString())}"));
        return Redirect(query.Length > 0 ? $"{PersonalDataAuditDisplay.Path}?{query}" : PersonalDataAuditDisplay.Path);
    }
}
