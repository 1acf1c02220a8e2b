using Nege.Contracts.Api.Candidates;
using Nege.Site.Api;
using InterestsPage = Nege.ServiceDefaults.Http.PageOf<Nege.Contracts.Api.Candidates.InterestView>;

namespace Nege.Site.Candidats;

/// <summary>
/// Interest and contact: a member company's recruiter or referent records interest in a card of the pool; once the
/// candidate agrees (from their e-mailed link, or as the commission's pilot records it), that company reads the
/// candidate's contact details and documents, each reading audited by Candidates.
/// </summary>
public sealed partial class CandidatesApi
{
    private const string PoolInterests = "api/candidates/pool/interests";

    private const string CommissionInterests = "api/candidates/commission/interests";

    /// <summary>400 per field (<c>message</c>), 404 when the card left the pool, 409 when the organisation already recorded its interest.</summary>
    public Task<InterestView> RecordInterestAsync(Guid cardId, string? message, CancellationToken ct) =>
        SendAsync<InterestView>(HttpMethod.Post, $"{PoolCards}/{cardId}/interests", new InterestRequest(message), ct);

    /// <summary>The organisation's interests, newest first, each with its card.</summary>
    public Task<InterestsPage> GetInterestsAsync(int page, CancellationToken ct) =>
        SendAsync<InterestsPage>(HttpMethod.Get, $"{PoolInterests}?page={page}&pageSize={PageSize}", null, ct);

    /// <summary>One of the organisation's interests; the candidate's contact and documents once they agreed (the reading is audited).</summary>
    public Task<InterestView> GetInterestAsync(Guid id, CancellationToken ct) =>
        SendAsync<InterestView>(HttpMethod.Get, $"{PoolInterests}/{id}", null, ct);

    /// <summary>A document of a candidate who agreed to be contacted (404 until then); each download is audited.</summary>
    public async Task<DocumentDownload> DownloadInterestDocumentAsync(Guid id, Guid documentId, CancellationToken ct)
    {
        using var request = ServiceApi.NewRequest(HttpMethod.Get, $"{PoolInterests}/{id}/documents/{documentId}", null);
        return new DocumentDownload(await SendCheckedAsync(request, HttpCompletionOption.ResponseHeadersRead, ct));
    }

    /// <summary>The companies interested in a dossier's candidate, oldest first (without their cards).</summary>
    public Task<IReadOnlyList<InterestView>> GetDossierInterestsAsync(Guid dossierId, CancellationToken ct) =>
        SendAsync<IReadOnlyList<InterestView>>(HttpMethod.Get, $"{Dossiers}/{dossierId}/interests", null, ct);

    /// <summary>A pilot records the candidate's answer to a company: 403 for a member who is not the territory's pilot, 409 once answered.</summary>
    public Task<InterestView> AnswerInterestForCandidateAsync(Guid interestId, bool agreed, CancellationToken ct) =>
        SendAsync<InterestView>(HttpMethod.Post, $"{CommissionInterests}/{interestId}/answer", new InterestAnswerRequest(agreed), ct);
}
