using Nege.Contracts.Api.Candidates;

namespace Nege.Site.Candidats;

/// <summary>
/// The follow-up sheets (« fiches de suivi »): the interested company writes its own once the candidate agreed
/// (interviews, proposal, hire or end); the territory's commission and the candidate's partners read them.
/// </summary>
public sealed partial class CandidatesApi
{
    /// <summary>The company's sheet of one of its interests: 404 until the candidate agreed (the API's sentence says so).</summary>
    public Task<FollowUpSheetView> GetFollowUpSheetAsync(Guid interestId, CancellationToken ct) =>
        SendAsync<FollowUpSheetView>(HttpMethod.Get, $"{PoolInterests}/{interestId}/sheet", null, ct);

    /// <summary>A line on the sheet: 400 per field, 404 without a sheet, 409 once the sheet is closed (hired, ended).</summary>
    public Task<FollowUpSheetView> AddFollowUpEntryAsync(Guid interestId, FollowUpEntryRequest entry, CancellationToken ct) =>
        SendAsync<FollowUpSheetView>(HttpMethod.Post, $"{PoolInterests}/{interestId}/sheet/entries", entry, ct);

    /// <summary>The sheets of the companies interested in a dossier's candidate, as the commission reads them.</summary>
    public Task<IReadOnlyList<FollowUpSheetView>> GetCommissionFollowUpsAsync(Guid dossierId, CancellationToken ct) =>
        SendAsync<IReadOnlyList<FollowUpSheetView>>(HttpMethod.Get, $"{Dossiers}/{dossierId}/follow-ups", null, ct);

    /// <summary>The sheets of the companies interested in the organisation's candidate, as its advisers read them.</summary>
    public Task<IReadOnlyList<FollowUpSheetView>> GetAdviserFollowUpsAsync(Guid dossierId, CancellationToken ct) =>
        SendAsync<IReadOnlyList<FollowUpSheetView>>(HttpMethod.Get, $"{AdviserDossiers}/{dossierId}/follow-ups", null, ct);
}
