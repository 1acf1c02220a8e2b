using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace EndToEnd.Tests;

public sealed record TokenSet(string AccessToken, string? IdToken, string? RefreshToken, int ExpiresIn)
{
    /// <summary>The access token's claims (a JWT: its payload, unverified; the services verify it).</summary>
    public JsonElement AccessClaims => Jwt.Payload(AccessToken);

    public IReadOnlyList<string> Roles => Jwt.Values(AccessClaims, "role");
}

/// <summary>What came of a login through the authorization code flow: tokens, or the login page that refused it.</summary>
public sealed record LoginAttempt(TokenSet? Tokens, string? RefusalPage)
{
    public string RefusalText => BrowserSession.Text(RefusalPage ?? "");
}

/// <summary>
/// The site's OpenID Connect client (<c>nege-site</c>) driven by hand: authorization code with PKCE
/// S256 through the login page, token, refresh, end-session, revocation.
/// </summary>
public sealed class OpenIdClient(RunningSystem system)
{
    public const string ClientId = "nege-site";
    public const string Scopes = "openid profile email roles offline_access";

    public string RedirectUri => system.GatewayUrl + "/signin-oidc";

    public string PostLogoutRedirectUri => system.GatewayUrl + "/signout-callback-oidc";

    /// <summary>A whole login: authorize, the login page, back to authorize, the code for tokens. Fails the test when refused.</summary>
    public async Task<TokenSet> LoginAsync(BrowserSession browser, string login, string password)
    {
        var attempt = await TryLoginAsync(browser, login, password);
        return attempt.Tokens ?? throw new InvalidOperationException($"Login of {login} refused: {Excerpt(attempt.RefusalText)}");
    }

    public async Task<LoginAttempt> TryLoginAsync(BrowserSession browser, string login, string password)
    {
        var request = AuthorizationRequest.New(this);
        var authorize = await browser.GetAsync(request.Url);
        Expect(HttpStatusCode.Redirect, authorize, "authorize");
        var location = browser.LocationOf(authorize);
        if (!location.AbsolutePath.Equals("/compte/connexion", StringComparison.Ordinal))
        {
            // Already logged in on the identity server: straight back with a code.
            return new LoginAttempt(await RedeemAsync(browser, request, location), null);
        }

        var refusal = await SubmitLoginAsync(browser, location, login, password);
        if (refusal.Page is not null)
        {
            return new LoginAttempt(null, refusal.Page);
        }

        var back = await browser.GetAsync(refusal.Next!.ToString());
        Expect(HttpStatusCode.Redirect, back, "authorize once logged in");
        return new LoginAttempt(await RedeemAsync(browser, request, browser.LocationOf(back)), null);
    }

    /// <summary>Gets the login page at <paramref name="loginPage"/> and posts it: the next address when accepted, else the page with its messages.</summary>
    public static async Task<(Uri? Next, string? Page)> SubmitLoginAsync(BrowserSession browser, Uri loginPage, string login, string password)
    {
        var page = await browser.GetAsync(loginPage.ToString());
        Expect(HttpStatusCode.OK, page, "login page");
        var html = await page.Content.ReadAsStringAsync();
        var posted = await browser.SubmitAsync("/compte/connexion", html, ("Login", login), ("Password", password));
        if (posted.StatusCode == HttpStatusCode.OK)
        {
            return (null, await posted.Content.ReadAsStringAsync());
        }

        Expect(HttpStatusCode.Redirect, posted, "login form");
        return (browser.LocationOf(posted), null);
    }

    public AuthorizationRequest NewAuthorization(string? prompt = null) => AuthorizationRequest.New(this, prompt);

    public async Task<Uri> AuthorizeRedirectAsync(BrowserSession browser, AuthorizationRequest? request = null)
    {
        var authorize = await browser.GetAsync((request ?? AuthorizationRequest.New(this)).Url);
        Expect(HttpStatusCode.Redirect, authorize, "authorize");
        return browser.LocationOf(authorize);
    }

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken) => TokenRequestAsync(new Dictionary<string, string>
    {
        ["grant_type"] = "refresh_token",
        ["refresh_token"] = refreshToken,
        ["client_id"] = ClientId,
        ["client_secret"] = system.SiteClientSecret,
    });

    public Task<HttpResponseMessage> RevokeAsync(string token, string tokenTypeHint) =>
        system.Gateway.PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token,
            ["token_type_hint"] = tokenTypeHint,
            ["client_id"] = ClientId,
            ["client_secret"] = system.SiteClientSecret,
        }));

    public Task<HttpResponseMessage> TokenRequestAsync(IDictionary<string, string> form) =>
        system.Gateway.PostAsync("/connect/token", new FormUrlEncodedContent(form));

    public static async Task<TokenSet> ReadTokensAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Token endpoint answered {(int)response.StatusCode}: {body}");
        }

        var json = JsonDocument.Parse(body).RootElement;
        string? Optional(string name) => json.TryGetProperty(name, out var value) ? value.GetString() : null;
        return new TokenSet(
            json.GetProperty("access_token").GetString()!, Optional("id_token"), Optional("refresh_token"),
            json.TryGetProperty("expires_in", out var expires) ? expires.GetInt32() : 0);
    }

    public static async Task<string?> ErrorOfAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonDocument.Parse(body).RootElement.TryGetProperty("error", out var error) ? error.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<TokenSet> RedeemAsync(BrowserSession browser, AuthorizationRequest request, Uri callback)
    {
        if (!callback.GetLeftPart(UriPartial.Path).Equals(RedirectUri, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Expected a redirection to {RedirectUri}, got {callback}.");
        }

        var query = QueryHelpers.ParseQuery(callback.Query);
        if (query.TryGetValue("error", out var error))
        {
            throw new InvalidOperationException($"Authorization refused: {error} {query.GetValueOrDefault("error_description")}");
        }

        if (query["state"] != request.State)
        {
            throw new InvalidOperationException("The state came back different.");
        }

        var response = await RedeemCodeAsync(query["code"].ToString(), request.Verifier);
        var tokens = await ReadTokensAsync(response);
        if (tokens.IdToken is { } idToken && Jwt.Payload(idToken).GetProperty("nonce").GetString() != request.Nonce)
        {
            throw new InvalidOperationException("The identity token's nonce is not the one sent.");
        }

        return tokens;
    }

    public Task<HttpResponseMessage> RedeemCodeAsync(string code, string verifier) => TokenRequestAsync(new Dictionary<string, string>
    {
        ["grant_type"] = "authorization_code",
        ["code"] = code,
        ["redirect_uri"] = RedirectUri,
        ["client_id"] = ClientId,
        ["client_secret"] = system.SiteClientSecret,
        ["code_verifier"] = verifier,
    });

    private static void Expect(HttpStatusCode expected, HttpResponseMessage response, string step)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException(
                $"{step}: expected {(int)expected}, got {(int)response.StatusCode} (Location {response.Headers.Location}) {Excerpt(response.Content.ReadAsStringAsync().GetAwaiter().GetResult())}");
        }
    }

    private static string Excerpt(string text) => text.Length > 1500 ? text[..1500] + "…" : text;

    public sealed record AuthorizationRequest(string Url, string State, string Nonce, string Verifier)
    {
        public static AuthorizationRequest New(OpenIdClient client, string? prompt = null)
        {
            var verifier = Random(32);
            var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
            var state = Random(16);
            var nonce = Random(16);
            var url = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
            {
                ["client_id"] = ClientId,
                ["response_type"] = "code",
                ["redirect_uri"] = client.RedirectUri,
                ["scope"] = Scopes,
                ["state"] = state,
                ["nonce"] = nonce,
                ["code_challenge"] = challenge,
                ["code_challenge_method"] = "S256",
                ["prompt"] = prompt,
            });
            return new AuthorizationRequest(url, state, nonce, verifier);
        }

        private static string Random(int bytes) => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(bytes));
    }
}

/// <summary>Reading (never verifying) JWTs in tests.</summary>
public static class Jwt
{
    public static JsonElement Payload(string token) => Part(token, 1);

    public static JsonElement Header(string token) => Part(token, 0);

    /// <summary>A claim's values, whether written as one string or as an array.</summary>
    public static IReadOnlyList<string> Values(JsonElement claims, string name) =>
        !claims.TryGetProperty(name, out var value) ? []
        : value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(v => v.GetString()!)]
        : [value.GetString()!];

    private static JsonElement Part(string token, int index) =>
        JsonDocument.Parse(WebEncoders.Base64UrlDecode(token.Split('.')[index])).RootElement;
}
