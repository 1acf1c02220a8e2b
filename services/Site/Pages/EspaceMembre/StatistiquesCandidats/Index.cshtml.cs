using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Candidates;
using Nege.Site.Candidats;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.StatistiquesCandidats;

/// <summary>
/// « Statistiques des dossiers effacés »: the anonymous counts the erasure of a dossier leaves, for a period of months of
/// submission, with their totals by territory and by outcome; for the board, the data-protection officer and the
/// administrators (Candidates checks the role again).
/// </summary>
public sealed class IndexModel(CandidatesApi api) : PageModel
{
    /// <summary>The first month, as typed (« 2026-01 »).</summary>
    [BindProperty(SupportsGet = true, Name = StatisticsPeriod.FromParameter)]
    public string? From { get; set; }

    /// <summary>The last month, as typed (« 2026-12 »).</summary>
    [BindProperty(SupportsGet = true, Name = StatisticsPeriod.ToParameter)]
    public string? To { get; set; }

    /// <summary>Null until the API answered.</summary>
    public IReadOnlyList<DossierStatisticView>? Statistics { get; private set; }

    public IReadOnlyList<(string Label, int Count)> ByTerritory => CandidateStatisticsDisplay.TotalsBy(Statistics ?? [], row => row.Territory);

    public IReadOnlyList<(string Label, int Count)> ByOutcome => CandidateStatisticsDisplay.TotalsBy(Statistics ?? [], row => row.OutcomeLabel);

    public int Total => Statistics?.Sum(row => row.Count) ?? 0;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var period = new StatisticsPeriod(MonthOf(From, nameof(From)), MonthOf(To, nameof(To)));
        // A month typed « 12/2026 » shows as a month field takes it.
        From = period.FromMonth is { } from ? StatisticsPeriod.MonthValue(from) : From;
        To = period.ToMonth is { } to ? StatisticsPeriod.MonthValue(to) : To;
        if (!ModelState.IsValid)
        {
            return;
        }

        try
        {
            Statistics = await api.GetDossierStatisticsAsync(period, ct);
        }
        catch (CandidatesApiException exception)
        {
            // The API's fields (from, to) are the properties' names: their messages show beside them.
            ModelState.AddProblem(exception, "");
        }
    }

    private DateOnly? MonthOf(string? typed, string key)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var month = StatisticsPeriod.ParseMonth(typed);
        if (month is null)
        {
            ModelState.AddModelError(key, "Saisissez un mois (par exemple 2026-12 ou 12/2026).");
        }

        return month;
    }
}
