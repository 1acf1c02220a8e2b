using Nege.Contracts.Api.Candidates;
using Nege.Site.Api;
using RequestsPage = Nege.ServiceDefaults.Http.PageOf<Nege.Contracts.Api.Candidates.CommissionRightsRequestView>;

namespace Nege.Site.Candidats;

/// <summary>
/// The candidates' requests (correction of the analyses, objection, erasure) in the commission's hands: the members of
/// a territory's commission read them, its pilots (and the administrators) answer them within the month.
/// </summary>
public sealed partial class CandidatesApi
{
    private const string CommissionRequests = "api/candidates/commission/requests";

    /// <param name="state">« open » (still to answer), « overdue » (open past the due date) or « answered ».</param>
    /// <param name="territory">One of the caller's territories, or null for all of them.</param>
    public Task<RequestsPage> GetRightsRequestsAsync(string state, string? territory, int page, CancellationToken ct)
    {
        var query = new List<string> { "state=" + ServiceApi.Escape(state) };
        if (territory is { Length: > 0 })
        {
            query.Add("territory=" + ServiceApi.Escape(territory));
        }

        query.Add($"page={page}");
        query.Add($"pageSize={PageSize}");
        return SendAsync<RequestsPage>(HttpMethod.Get, $"{CommissionRequests}?{string.Join('&', query)}", null, ct);
    }

    /// <summary>
    /// A pilot accepts or refuses (with a message, then required); 400 <c>decision</c>, <c>message</c>; 403 not a pilot of
    /// the territory; 409 already answered. An accepted erasure erases the dossier at once; an accepted objection withdraws it.
    /// </summary>
    public Task<RightsRequestView> AnswerRightsRequestAsync(Guid requestId, string decision, string? message, CancellationToken ct) =>
        SendAsync<RightsRequestView>(HttpMethod.Post, $"{CommissionRequests}/{requestId}/answer", new RightsRequestAnswer(decision, message), ct);
}
