using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Site.Tests;

/// <summary>The whole authorization code flow against the stub issuer: challenge, callback, code redemption with PKCE, session.</summary>
[Collection(SiteCollection.Name)]
public sealed class LoginFlowTests(SiteFixture site) : IDisposable
{
    public void Dispose() => site.Stub.Reset();

    public static TheoryData<string, object> Roles => new()
    {
        { "several role claims", new[] { "admin", "board" } },
        { "one claim holding a JSON array", "[\"admin\",\"board\"]" },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Logging_in_redeems_the_code_with_pkce_and_opens_a_session_with_the_persons_roles(string how, object roles)
    {
        _ = how;
        using var client = site.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = SiteFixture.SiteAddress });
        var challenge = await client.GetAsync("/connexion?returnUrl=%2Fespace-membre");
        var authorize = Html.Query(challenge.Headers.Location!);
        site.Stub.Token = _ => new StubAnswer(200, new
        {
            access_token = "access-from-login", token_type = "Bearer", expires_in = 900, refresh_token = "refresh-from-login",
            id_token = site.Stub.IdToken(authorize["nonce"], "account-42", "Marie Curie", roles),
        });

        var callback = await client.GetAsync($"/signin-oidc?code=the-code&state={Uri.EscapeDataString(authorize["state"])}");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/espace-membre", callback.Headers.Location?.ToString());
        Html.AssertProtected(Html.SetCookie(callback, "nege.site="), "lax");
        var redemption = Html.Query(new Uri("http://x/?" + Assert.Single(site.Stub.TokenRequests).Body));
        Assert.Equal("authorization_code", redemption["grant_type"]);
        Assert.Equal("the-code", redemption["code"]);
        Assert.Equal("https://localhost/signin-oidc", redemption["redirect_uri"]);
        Assert.Equal("nege-site", redemption["client_id"]);
        Assert.Equal(SiteFixture.ClientSecret, redemption["client_secret"]);
        Assert.True(redemption["code_verifier"].Length >= 43, "a PKCE code verifier is sent");

        site.Stub.Api = _ => new StubAnswer(200, new { items = Array.Empty<object>(), page = 1, pageSize = 20, total = 0 });
        var memberArea = await (await client.GetAsync("/espace-membre")).ReadPageAsync();
        Assert.Contains("Connecté : Marie Curie", memberArea, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/espace-membre/admin/comptes\">Comptes</a>", memberArea, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"/espace-membre/adhesions\">Demandes d'adhésion</a></li>", memberArea, StringComparison.Ordinal);

        var accounts = await client.GetAsync("/espace-membre/admin/comptes");
        Assert.Equal(HttpStatusCode.OK, accounts.StatusCode);
        Assert.Equal("Bearer access-from-login", Assert.Single(site.Stub.ApiRequests).Authorization);
    }

    [Fact]
    public async Task A_refused_login_shows_a_french_page()
    {
        using var client = site.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = SiteFixture.SiteAddress });
        var challenge = await client.GetAsync("/connexion");
        var authorize = Html.Query(challenge.Headers.Location!);

        var callback = await client.GetAsync($"/signin-oidc?error=access_denied&state={Uri.EscapeDataString(authorize["state"])}");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        var page = await client.GetAsync(callback.Headers.Location!);
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Contains("<h1>Connexion impossible</h1>", await page.ReadPageAsync(), StringComparison.Ordinal);
    }
}
