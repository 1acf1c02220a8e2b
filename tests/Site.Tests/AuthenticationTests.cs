using System.Net;

namespace Site.Tests;

[Collection(SiteCollection.Name)]
public sealed class AuthenticationTests(SiteFixture site)
{
    [Fact]
    public async Task The_member_area_sends_an_anonymous_person_to_the_issuer_with_pkce()
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync("/espace-membre");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(site.Stub.Issuer + "connect/authorize?", location.ToString(), StringComparison.Ordinal);
        var query = Html.Query(location);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("nege-site", query["client_id"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.NotEmpty(query["code_challenge"]);
        Assert.Equal("https://localhost/signin-oidc", query["redirect_uri"]);
        Assert.Equal(["email", "offline_access", "openid", "profile", "roles"], query["scope"].Split(' ').Order(StringComparer.Ordinal).ToArray());
        Assert.DoesNotContain("client_secret", location.ToString(), StringComparison.Ordinal);
        Html.AssertProtected(Html.SetCookie(response, ".AspNetCore.Correlation."), "lax");
        Html.AssertProtected(Html.SetCookie(response, ".AspNetCore.OpenIdConnect.Nonce."), "lax");
    }

    [Fact]
    public async Task Behind_the_gateway_the_redirect_uri_is_the_public_address()
    {
        using var client = site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/connexion");
        request.Headers.Add("X-Forwarded-Proto", "http");
        request.Headers.Add("X-Forwarded-Host", "localhost:8080");
        request.Headers.Add("X-Forwarded-For", "127.0.0.1");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost:8080/signin-oidc", Html.Query(response.Headers.Location!)["redirect_uri"]);
    }

    [Fact]
    public async Task The_session_cookie_is_secure_httponly_and_lax()
    {
        using var client = site.WithTestLogin.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = SiteFixture.SiteAddress });

        var response = await client.GetAsync("/test/connexion?name=Marie%20Curie&access_token=a&refresh_token=r&expires_in=900");

        Html.AssertProtected(Html.SetCookie(response, "nege.site="), "lax");
    }

    [Fact]
    public async Task The_header_offers_to_log_in_to_an_anonymous_person()
    {
        using var client = site.CreateClient();

        var page = await (await client.GetAsync("/")).ReadPageAsync();

        Assert.Contains("<a href=\"/connexion\">Se connecter</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Se déconnecter", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_header_names_the_logged_in_person_and_offers_to_log_out()
    {
        using var client = await site.SignInAsync("Marie Curie", ["candidate"]);

        var response = await client.GetAsync("/");

        var page = await response.ReadPageAsync();
        Assert.Contains("Connecté : Marie Curie", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/espace-membre\">Espace membre</a>", page, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" class=\"inline\" action=\"/deconnexion\">", page, StringComparison.Ordinal);
        Assert.Contains("Se déconnecter", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Se connecter<", page, StringComparison.Ordinal);
        Html.AssertProtected(Html.SetCookie(response, "nege.antiforgery="), "strict");
    }

    [Fact]
    public async Task Logging_out_by_get_is_not_allowed()
    {
        using var client = await site.SignInAsync("Marie Curie", ["candidate"]);

        var response = await client.GetAsync("/deconnexion");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("Connecté : Marie Curie", await (await client.GetAsync("/")).ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logging_out_without_the_antiforgery_token_is_refused()
    {
        using var client = await site.SignInAsync("Marie Curie", ["candidate"]);

        var response = await client.PostAsync("/deconnexion", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Connecté : Marie Curie", await (await client.GetAsync("/")).ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logging_out_ends_the_session_and_the_identity_server_session()
    {
        using var client = await site.SignInAsync("Marie Curie", ["candidate"]);
        var token = Html.AntiforgeryToken(await (await client.GetAsync("/")).ReadPageAsync());

        var response = await client.PostAsync("/deconnexion",
            new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(site.Stub.Issuer + "connect/logout?", location.ToString(), StringComparison.Ordinal);
        var query = Html.Query(location);
        Assert.Equal("id-token-1", query["id_token_hint"]);
        Assert.Equal("https://localhost/signout-callback-oidc", query["post_logout_redirect_uri"]);
        Assert.Contains("expires=Thu, 01 Jan 1970", Html.SetCookie(response, "nege.site="), StringComparison.Ordinal);
        Assert.Contains("Se connecter", await (await client.GetAsync("/")).ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logging_in_only_returns_to_a_local_address()
    {
        using var client = await site.SignInAsync("Marie Curie", ["candidate"]);

        var local = await client.GetAsync("/connexion?returnUrl=%2Fespace-membre%2Fmon-compte");
        var foreign = await client.GetAsync("/connexion?returnUrl=https%3A%2F%2Fevil.example%2F");

        Assert.Equal("/espace-membre/mon-compte", local.Headers.Location?.ToString());
        Assert.Equal("/espace-membre", foreign.Headers.Location?.ToString());
    }
}
