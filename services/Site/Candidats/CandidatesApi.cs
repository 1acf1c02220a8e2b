using System.Net;
using Nege.Contracts.Api.Candidates;
using Nege.Site.Api;
using Nege.Site.Membership;
using QueuePage = Nege.ServiceDefaults.Http.PageOf<Nege.Contracts.Api.Candidates.WorkQueueItem>;

namespace Nege.Site.Candidats;

/// <summary>
/// The Candidates API, called server-side on behalf of the logged-in person (their access token): the AAR
/// commissions' work queue and dossiers, the territories' members (administrators), and the employment
/// partners' advisers' dossiers (see <c>CandidatesApi.Advisers.cs</c>).
/// </summary>
public sealed partial class CandidatesApi(HttpClient http)
{
    public const string ClientName = "candidates-api";

    /// <summary>Service discovery name of the Candidates service (<c>services:candidates:http:0</c>).</summary>
    public static readonly Uri BaseAddress = new("http://candidates");

    public const int PageSize = 20;

    /// <summary>The work queue's <c>territory</c> for the dossiers outside every territory (administrators dispatch them).</summary>
    public const string Undispatched = "aucun";

    private const string Dossiers = "api/candidates/commission/dossiers";

    private const string Territories = "api/candidates/territories";

    /// <param name="territory">One of the territories, <see cref="Undispatched"/>, or null for all the caller's.</param>
    /// <param name="status">A status's code, or null for all.</param>
    public Task<QueuePage> GetQueueAsync(string? territory, string? status, bool inactiveOnly, int page, CancellationToken ct)
    {
        var query = new List<string>();
        if (territory is { Length: > 0 })
        {
            query.Add("territory=" + ServiceApi.Escape(territory));
        }

        if (status is { Length: > 0 })
        {
            query.Add("status=" + ServiceApi.Escape(status));
        }

        if (inactiveOnly)
        {
            query.Add("inactive=true");
        }

        query.Add($"page={page}");
        query.Add($"pageSize={PageSize}");
        return SendAsync<QueuePage>(HttpMethod.Get, $"{Dossiers}?{string.Join('&', query)}", null, ct);
    }

    /// <summary>A document of a dossier of the member's territories (each download is audited by Candidates).</summary>
    public async Task<DocumentDownload> DownloadCommissionDocumentAsync(Guid id, Guid documentId, CancellationToken ct)
    {
        using var request = ServiceApi.NewRequest(HttpMethod.Get, $"{Dossiers}/{id}/documents/{documentId}", null);
        return new DocumentDownload(await SendCheckedAsync(request, HttpCompletionOption.ResponseHeadersRead, ct));
    }

    /// <summary>A dossier's page. Candidates writes each opening to its audit log of personal data reads.</summary>
    public Task<CommissionDossierView> GetDossierAsync(Guid id, CancellationToken ct) =>
        SendAsync<CommissionDossierView>(HttpMethod.Get, $"{Dossiers}/{id}", null, ct);

    public Task<DossierStatusView> MoveAsync(Guid id, TransitionRequest move, CancellationToken ct) =>
        SendAsync<DossierStatusView>(HttpMethod.Post, $"{Dossiers}/{id}/transitions", move, ct);

    public Task<AnalysisView> AnalyseAsync(Guid id, AnalysisRequest analysis, CancellationToken ct) =>
        SendAsync<AnalysisView>(HttpMethod.Post, $"{Dossiers}/{id}/analyses", analysis, ct);

    public Task<RecommendationView> RecommendAsync(Guid id, RecommendationRequest recommendation, CancellationToken ct) =>
        SendAsync<RecommendationView>(HttpMethod.Post, $"{Dossiers}/{id}/recommendations", recommendation, ct);

    /// <summary>
    /// A pilot confirms (or not) that the account asking for the dossier is its candidate's; the requests left. 400
    /// <c>accountId</c>, <c>confirmed</c>; 403 not a pilot of the territory; 404 no such request; 409 the dossier is
    /// already attached to another account.
    /// </summary>
    public Task<IReadOnlyList<PendingAttachmentView>> DecideAttachmentAsync(Guid id, Guid accountId, bool confirmed, CancellationToken ct) =>
        SendAsync<IReadOnlyList<PendingAttachmentView>>(HttpMethod.Post, $"{Dossiers}/{id}/attachment", new AttachmentDecision(accountId, confirmed), ct);

    public Task<IReadOnlyList<TerritoryView>> GetTerritoriesAsync(CancellationToken ct) =>
        SendAsync<IReadOnlyList<TerritoryView>>(HttpMethod.Get, Territories, null, ct);

    public Task<TerritoryMemberView> PutMemberAsync(string territory, Guid accountId, TerritoryMemberRequest member, CancellationToken ct) =>
        SendAsync<TerritoryMemberView>(HttpMethod.Put, $"{Territories}/{ServiceApi.Escape(territory)}/members/{accountId}", member, ct);

    public async Task RemoveMemberAsync(string territory, Guid accountId, CancellationToken ct)
    {
        using var response = await SendCheckedAsync(HttpMethod.Delete, $"{Territories}/{ServiceApi.Escape(territory)}/members/{accountId}", null, ct);
    }

    public Task<DossierStatusView> DispatchAsync(Guid id, DispatchRequest dispatch, CancellationToken ct) =>
        SendAsync<DossierStatusView>(HttpMethod.Put, $"{Dossiers}/{id}/territory", dispatch, ct);

    /// <summary>Candidates not answering at all goes up as the transport's exception.</summary>
    private static readonly ApiFailure Failure = new((status, problem, _) => new CandidatesApiException(status, problem), UnansweredIsUnavailable: false);

    private Task<T> SendAsync<T>(
        HttpMethod method, string path, object? body, CancellationToken ct, IReadOnlyDictionary<string, string>? headers = null) =>
        ServiceApi.SendAsync<T>(http, method, path, body, Failure, ct, headers);

    private static Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct) => ServiceApi.ReadAsync<T>(response, Failure, ct);

    private Task<HttpResponseMessage> SendCheckedAsync(HttpMethod method, string path, object? body, CancellationToken ct) =>
        ServiceApi.SendCheckedAsync(http, method, path, body, Failure, ct);

    /// <summary>The answer when it is a success (the caller disposes it); else its problem, thrown.</summary>
    private Task<HttpResponseMessage> SendCheckedAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken ct) =>
        ServiceApi.SendCheckedAsync(http, request, completion, Failure, ct);

    /// <summary>The client, with the person's token (see <see cref="MembershipApi.AddMembershipApi"/> for the retries of writes).</summary>
    public static IServiceCollection AddCandidatesApi(IServiceCollection services)
    {
        services.AddTransient<BearerTokenHandler>();
        services.AddHttpClient<CandidatesApi>(ClientName, client => client.BaseAddress = BaseAddress)
            .AddHttpMessageHandler<BearerTokenHandler>();
        return services;
    }
}

/// <summary>A non-success answer of the Candidates API, with its problem details when it gave some.</summary>
public sealed class CandidatesApiException(HttpStatusCode status, ApiProblem? problem)
    : ApiException(status, problem, "Le service des candidats n'a pas pu traiter la demande. Veuillez réessayer dans quelques instants.");
