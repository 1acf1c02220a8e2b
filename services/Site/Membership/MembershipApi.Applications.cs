using System.Net;
using Nege.Contracts.Api.Membership;

namespace Nege.Site.Membership;

/// <summary>Membership applications: the applicant's draft (key or bearer token) and the board's list and decisions.</summary>
public sealed partial class MembershipApi
{
    /// <summary>The header that opens a draft for whoever holds the key given at its creation.</summary>
    public const string ApplicationKeyHeader = "Nege-Application-Key";

    private const string Drafts = "api/membership/application-drafts";

    private const string Applications = "api/membership/applications";

    public Task<ApplicationView> CreateDraftAsync(ReferentRequest draft, CancellationToken ct) =>
        SendAsync<ApplicationView>(HttpMethod.Post, Drafts, draft, ct);

    public Task<ApplicationView> CreateMyDraftAsync(OwnAccountReferentRequest draft, CancellationToken ct) =>
        SendAsync<ApplicationView>(HttpMethod.Post, Drafts + "/mine", draft, ct);

    /// <summary>The logged-in person's open draft, or null when they have none.</summary>
    public async Task<ApplicationView?> GetMyDraftAsync(CancellationToken ct)
    {
        try
        {
            return await SendAsync<ApplicationView>(HttpMethod.Get, $"{Drafts}/mine", null, ct);
        }
        catch (MembershipApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task<ApplicationView> GetDraftAsync(DraftAccess draft, CancellationToken ct) =>
        SendAsync<ApplicationView>(HttpMethod.Get, DraftPath(draft), null, ct, KeyOf(draft));

    public Task<ApplicationView> UpdateReferentAsync(DraftAccess draft, ReferentUpdateRequest referent, CancellationToken ct) =>
        SendAsync<ApplicationView>(HttpMethod.Put, DraftPath(draft) + "/referent", referent, ct, KeyOf(draft));

    public Task<ApplicationView> UpdateOrganisationAsync(DraftAccess draft, OrganisationRequest organisation, CancellationToken ct) =>
        SendAsync<ApplicationView>(HttpMethod.Put, DraftPath(draft) + "/organisation", organisation, ct, KeyOf(draft));

    public Task<ApplicationView> SubmitAsync(DraftAccess draft, CancellationToken ct) =>
        SendAsync<ApplicationView>(HttpMethod.Post, DraftPath(draft) + "/submission", null, ct, KeyOf(draft));

    public Task<IReadOnlyList<PersonChoice>> GetHrContactsAsync(DraftAccess draft, CancellationToken ct) =>
        SendAsync<IReadOnlyList<PersonChoice>>(HttpMethod.Get, DraftPath(draft) + "/hr-contacts", null, ct, KeyOf(draft));

    /// <param name="image"><c>logo</c> or <c>photo</c>.</param>
    public Task<ApiFile?> GetDraftImageAsync(DraftAccess draft, string image, CancellationToken ct) =>
        GetFileAsync($"{DraftPath(draft)}/{Escape(image)}", ct, KeyOf(draft));

    public Task<IReadOnlyList<OrganisationChoice>> GetAffiliationsAsync(CancellationToken ct) =>
        SendAsync<IReadOnlyList<OrganisationChoice>>(HttpMethod.Get, "api/membership/affiliations", null, ct);

    /// <param name="status"><c>submitted</c>, <c>accepted</c>, <c>refused</c> or <c>all</c>.</param>
    public Task<PageOf<ApplicationSummary>> GetApplicationsAsync(string status, int page, CancellationToken ct) =>
        SendAsync<PageOf<ApplicationSummary>>(HttpMethod.Get,
            $"{Applications}?status={Escape(status)}&page={page}&pageSize={PageSize}", null, ct);

    public Task<ApplicationView> GetApplicationAsync(string id, CancellationToken ct) =>
        SendAsync<ApplicationView>(HttpMethod.Get, $"{Applications}/{Escape(id)}", null, ct);

    /// <param name="image"><c>logo</c> or <c>photo</c>.</param>
    public Task<ApiFile?> GetApplicationImageAsync(string id, string image, CancellationToken ct) =>
        GetFileAsync($"{Applications}/{Escape(id)}/{Escape(image)}", ct);

    public Task<ApplicationView> DecideAsync(string id, DecisionRequest decision, CancellationToken ct) =>
        SendAsync<ApplicationView>(HttpMethod.Post, $"{Applications}/{Escape(id)}/decision", decision, ct);

    private static string DraftPath(DraftAccess draft) => $"{Drafts}/{Escape(draft.Id)}";

    private static Dictionary<string, string>? KeyOf(DraftAccess draft) =>
        draft.Key is { Length: > 0 } key ? new() { [ApplicationKeyHeader] = key } : null;
}
