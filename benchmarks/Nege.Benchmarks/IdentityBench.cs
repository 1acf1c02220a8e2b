using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Nege.AppHost;
using Nege.ServiceDefaults.Security;
using Nege.Testing;

namespace Nege.Benchmarks;

/// <summary>
/// What the identity benchmarks need: the first administrator logged in through the site's own
/// client (code + PKCE, as a browser would, without the browser), and a partner client of theirs.
/// </summary>
public static partial class IdentityBench
{
    private const string AdministratorPassword = "Banc-Essai-Identite-2026";

    public static async Task<string> AdministratorTokenAsync(Uri gateway, SmtpSink sink, string siteClientSecret)
    {
        var invitation = await sink.WaitForRecipientAsync(NegeTopology.FirstAdministratorEmail, TimeSpan.FromSeconds(60));
        await SetPasswordAsync(gateway, invitation, AdministratorPassword);
        return await LoginAsync(gateway, NegeTopology.FirstAdministratorEmail, AdministratorPassword, siteClientSecret);
    }

    /// <summary>The first administrator logs in again (their password was set by <see cref="AdministratorTokenAsync"/>): a fresh token.</summary>
    public static Task<string> AdministratorLoginAsync(Uri gateway, string siteClientSecret) =>
        LoginAsync(gateway, NegeTopology.FirstAdministratorEmail, AdministratorPassword, siteClientSecret);

    /// <summary>The password set from an invitation e-mail's link (its « jeton »), as the set-password page does.</summary>
    public static async Task SetPasswordAsync(Uri gateway, SinkEmail invitation, string password)
    {
        using var anonymous = new HttpClient { BaseAddress = gateway };
        (await anonymous.PostAsJsonAsync("/api/membership/password-resets", new
        {
            token = TokenPattern().Match(invitation.Text!).Groups[1].Value,
            password,
        })).EnsureSuccessStatusCode();
    }

    /// <summary>A person's access token: the site's login page, then the authorization code with PKCE, as a browser would.</summary>
    public static async Task<string> LoginAsync(Uri gateway, string login, string password, string siteClientSecret)
    {
        using var anonymous = new HttpClient { BaseAddress = gateway };
        using var handler = new HttpClientHandler { CookieContainer = new(), AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = gateway };
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var redirectUri = new Uri(gateway, "/signin-oidc").AbsoluteUri;
        var toLogin = await browser.GetAsync(QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "nege-site", ["response_type"] = "code", ["scope"] = "openid roles", ["redirect_uri"] = redirectUri,
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256", ["state"] = "banc", ["nonce"] = "banc",
        }));
        var loginPage = toLogin.Headers.Location!;
        var page = await browser.GetStringAsync(loginPage);
        var loggedIn = await browser.PostAsync("/compte/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Login"] = login,
            ["Password"] = password,
            ["ReturnUrl"] = QueryHelpers.ParseQuery(loginPage.Query)["ReturnUrl"].ToString(),
            ["__RequestVerificationToken"] = AntiforgeryPattern().Match(page).Groups[1].Value,
        }));
        var withCode = await browser.GetAsync(loggedIn.Headers.Location);
        var tokens = await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = QueryHelpers.ParseQuery(withCode.Headers.Location!.Query)["code"].ToString(),
            ["redirect_uri"] = redirectUri,
            ["client_id"] = "nege-site",
            ["client_secret"] = siteClientSecret,
            ["code_verifier"] = verifier,
        }));
        tokens.EnsureSuccessStatusCode();
        return (await tokens.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    /// <summary>A « Partenaire emploi » organisation and its API client (id, secret), created by the administrator.</summary>
    public static async Task<(string ClientId, string Secret)> PartnerClientAsync(
        HttpClient gateway, string adminToken, string name = "Partenaire du banc d'essai", params string[] scopes)
    {
        async Task<JsonElement> Post(string path, object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
            using var response = await gateway.SendAsync(request);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        var organisation = await Post("/api/membership/organisations", new { name, category = "Partenaire emploi" });
        var client = await Post("/api/membership/partner-clients", new
        {
            organisationId = organisation.GetProperty("id").GetGuid(),
            scopes = scopes.Length > 0 ? scopes : [NegeScopes.CandidatesRead],
        });
        return (client.GetProperty("clientId").GetString()!, client.GetProperty("clientSecret").GetString()!);
    }

    public static async Task<string> ClientCredentialsAsync(HttpClient gateway, string clientId, string secret)
    {
        using var response = await gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    public static async Task<System.Net.HttpStatusCode> PartnerCallAsync(HttpClient gateway, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/candidates/partner/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await gateway.SendAsync(request);
        return response.StatusCode;
    }

    [GeneratedRegex(@"jeton=([\w-]+)")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}
