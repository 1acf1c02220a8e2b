using Microsoft.AspNetCore.Mvc;
using Nege.Contracts.Api.Candidates;
using Nege.Site.Candidats;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.DonneesPersonnelles;

/// <summary>
/// « Journal des consultations des données personnelles »: who read which candidate's personal data and when, newest
/// first, for the data-protection officer and the administrators (Candidates checks the role again).
/// </summary>
public sealed class IndexModel(CandidatesApi api) : PersonalDataReadFilters
{
    public Nege.ServiceDefaults.Http.PageOf<PersonalDataReadView>? Reads { get; private set; }

    public Pager? Pager { get; private set; }

    /// <summary>The CSV export of the same filters.</summary>
    public string ExportHref => Filter.SiteQuery() is { Length: > 0 } query
        ? $"{PersonalDataAuditDisplay.ExportPath}?{query}"
        : PersonalDataAuditDisplay.ExportPath;

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct)
    {
        if (!FiltersAreValid())
        {
            return;
        }

        try
        {
            Reads = await api.GetPersonalDataReadsAsync(Filter, Math.Max(1, pageNumber), ct);
            Pager = Pager.Of(Reads.Page, Reads.PageSize, Reads.Total, "?" + Filter.SiteQuery("page="));
        }
        catch (CandidatesApiException exception)
        {
            // The API's fields (dossierId, accountId, from, to) are the properties' names: their messages show beside them.
            ModelState.AddProblem(exception, "");
        }
    }
}
