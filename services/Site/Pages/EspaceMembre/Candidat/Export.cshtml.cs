using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Site.Candidats;

namespace Nege.Site.Pages.EspaceMembre.Candidat;

/// <summary>« Exporter en JSON » / « Exporter en PDF »: Candidates' file of the candidate's dossier, streamed on as a download.</summary>
public sealed class ExportModel(CandidatesApi api) : PageModel
{
    private static readonly IReadOnlyDictionary<string, (string ContentType, string FileName)> Formats =
        new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["json"] = ("application/json", "mon-dossier.json"),
            ["pdf"] = ("application/pdf", "mon-dossier.pdf"),
        };

    [FromRoute]
    public string Format { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Formats.TryGetValue(Format, out var format))
        {
            return NotFound();
        }

        try
        {
            var download = await api.ExportMyDossierAsync(Format, ct);
            Response.RegisterForDispose(download);
            Response.Headers.CacheControl = "private, no-store";
            return new FileStreamResult(await download.OpenAsync(ct), format.ContentType)
            {
                FileDownloadName = download.FileName ?? format.FileName,
            };
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            return Redirect(IndexModel.Path);
        }
    }
}
