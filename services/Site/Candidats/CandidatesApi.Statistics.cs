using Nege.Contracts.Api.Candidates;

namespace Nege.Site.Candidats;

/// <summary>
/// What is left of the erased dossiers: anonymous counts by month of submission, territory, outcome and age band, for the
/// board, the data-protection officer and the administrators (Candidates checks the role again).
/// </summary>
public sealed partial class CandidatesApi
{
    private const string Statistics = "api/candidates/statistics";

    /// <summary>The counts of the months from <paramref name="period"/>'s first to its last, each optional; 400 <c>to</c> when it comes first.</summary>
    public Task<IReadOnlyList<DossierStatisticView>> GetDossierStatisticsAsync(StatisticsPeriod period, CancellationToken ct) =>
        SendAsync<IReadOnlyList<DossierStatisticView>>(HttpMethod.Get, period.ApiQuery() is { Length: > 0 } query ? $"{Statistics}?{query}" : Statistics, null, ct);
}
