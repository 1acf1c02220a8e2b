using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Nege.Site.Api;
using Nege.Site.Identity;

namespace Nege.Site.Membership;

/// <summary>The Membership API, called server-side on behalf of the logged-in person (their access token).</summary>
public sealed partial class MembershipApi(HttpClient http)
{
    public const string ClientName = "membership-api";

    /// <summary>Service discovery name of the Membership service (<c>services:membership:http:0</c>).</summary>
    public static readonly Uri BaseAddress = new("http://membership");

    public const int PageSize = 20;

    public Task<Account> GetMeAsync(CancellationToken ct) => SendAsync<Account>(HttpMethod.Get, "api/membership/me", null, ct);

    public Task<PageOf<Account>> GetAccountsAsync(string? search, int page, CancellationToken ct) =>
        GetAccountsAsync(search, page, PageSize, ct);

    public Task<PageOf<Account>> GetAccountsAsync(string? search, int page, int pageSize, CancellationToken ct) =>
        SendAsync<PageOf<Account>>(HttpMethod.Get, $"api/membership/accounts?search={Escape(search)}&page={page}&pageSize={pageSize}", null, ct);

    public async Task<Account> GetAccountAsync(string id, CancellationToken ct)
    {
        var details = await SendAsync<AccountDetails>(HttpMethod.Get, $"api/membership/accounts/{Escape(id)}", null, ct);
        return details.Account with { RoleChanges = details.RoleChanges };
    }

    public Task<Account> CreateAccountAsync(NewAccount account, CancellationToken ct) =>
        SendAsync<Account>(HttpMethod.Post, "api/membership/accounts", account, ct);

    public Task<Account> LockAsync(string id, CancellationToken ct) =>
        SendAsync<Account>(HttpMethod.Post, $"api/membership/accounts/{Escape(id)}/lock", null, ct);

    public Task<Account> UnlockAsync(string id, CancellationToken ct) =>
        SendAsync<Account>(HttpMethod.Post, $"api/membership/accounts/{Escape(id)}/unlock", null, ct);

    public Task<Account> SetOrganisationAsync(string id, string? organisationId, CancellationToken ct) =>
        SendAsync<Account>(HttpMethod.Put, $"api/membership/accounts/{Escape(id)}/organisation", new { organisationId = string.IsNullOrEmpty(organisationId) ? null : organisationId }, ct);

    public Task<Account> GrantRoleAsync(string id, string role, CancellationToken ct) =>
        SendAsync<Account>(HttpMethod.Put, $"api/membership/accounts/{Escape(id)}/roles/{Escape(role)}", null, ct);

    public Task<Account> WithdrawRoleAsync(string id, string role, CancellationToken ct) =>
        SendAsync<Account>(HttpMethod.Delete, $"api/membership/accounts/{Escape(id)}/roles/{Escape(role)}", null, ct);

    public Task<PageOf<Organisation>> GetOrganisationsAsync(string? search, string? category, int page, int pageSize, CancellationToken ct) =>
        SendAsync<PageOf<Organisation>>(HttpMethod.Get,
            $"api/membership/organisations?search={Escape(search)}&category={Escape(category)}&page={page}&pageSize={pageSize}", null, ct);

    public Task<Organisation> CreateOrganisationAsync(NewOrganisation organisation, CancellationToken ct) =>
        SendAsync<Organisation>(HttpMethod.Post, "api/membership/organisations", organisation, ct);

    public Task<PageOf<PartnerClient>> GetPartnerClientsAsync(int page, CancellationToken ct) =>
        SendAsync<PageOf<PartnerClient>>(HttpMethod.Get, $"api/membership/partner-clients?page={page}&pageSize={PageSize}", null, ct);

    public Task<PartnerClient> CreatePartnerClientAsync(NewPartnerClient client, CancellationToken ct) =>
        SendAsync<PartnerClient>(HttpMethod.Post, "api/membership/partner-clients", client, ct);

    public Task<PartnerClient> RotateSecretAsync(string clientId, CancellationToken ct) =>
        SendAsync<PartnerClient>(HttpMethod.Post, $"api/membership/partner-clients/{Escape(clientId)}/rotate", null, ct);

    public Task<PartnerClient> RevokeAsync(string clientId, CancellationToken ct) =>
        SendAsync<PartnerClient>(HttpMethod.Post, $"api/membership/partner-clients/{Escape(clientId)}/revoke", null, ct);

    private static string Escape(string? value) => ServiceApi.Escape(value);

    /// <summary>Membership not answering at all goes up as the transport's exception.</summary>
    private static readonly ApiFailure Failure = new((status, problem, _) => new MembershipApiException(status, problem), UnansweredIsUnavailable: false);

    private Task<T> SendAsync<T>(
        HttpMethod method, string path, object? body, CancellationToken ct, IReadOnlyDictionary<string, string>? headers = null) =>
        ServiceApi.SendAsync<T>(http, method, path, body, Failure, ct, headers);

    /// <summary>For answers without a body (204).</summary>
    private async Task SendAsync(
        HttpMethod method, string path, object? body, CancellationToken ct, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var response = await ServiceApi.SendCheckedAsync(http, method, path, body, Failure, ct, headers);
    }

    /// <summary>A file (logo, photo) as the API serves it; null when there is none (404).</summary>
    private async Task<ApiFile?> GetFileAsync(string path, CancellationToken ct, IReadOnlyDictionary<string, string>? headers = null)
    {
        HttpResponseMessage response;
        try
        {
            response = await ServiceApi.SendCheckedAsync(http, HttpMethod.Get, path, null, Failure, ct, headers);
        }
        catch (MembershipApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            return null;
        }

        using (response)
        {
            return new ApiFile(
                await response.Content.ReadAsByteArrayAsync(ct),
                response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream");
        }
    }

    public static IServiceCollection AddMembershipApi(IServiceCollection services)
    {
        services.AddTransient<BearerTokenHandler>();
        services.AddHttpClient<MembershipApi>(ClientName, client => client.BaseAddress = BaseAddress)
            .AddHttpMessageHandler<BearerTokenHandler>();
        // The site's writes (create an account, rotate a secret…) are never sent twice: the standard
        // resilience handler of every client of the site retries only safe methods.
        services.ConfigureAll<HttpStandardResilienceOptions>(options => options.Retry.DisableForUnsafeHttpMethods());
        return services;
    }
}

/// <summary>A file served by the API: its bytes and media type.</summary>
public sealed record ApiFile(byte[] Content, string ContentType);

/// <summary>A non-success answer of the Membership API, with its problem details when it gave some.</summary>
public sealed class MembershipApiException(HttpStatusCode status, ApiProblem? problem)
    : ApiException(status, problem, ProblemDisplay.Unavailable);

/// <summary>Sends the person's access token (kept in the session cookie) to the API.</summary>
public sealed class BearerTokenHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext is { } context && await context.AccessTokenAsync() is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
