using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Nege.ServiceDefaults.Security;

namespace EndToEnd.Tests;

/// <summary>The OpenID Connect server's own rules through the gateway: cookies, PKCE, codes, redirections, prompt, administrators' safeguards.</summary>
[Collection(SystemCollection.Name)]
public sealed class IdentityProtocolTests(RunningSystem system)
{
    private Identities Identities => system.Identities;

    private OpenIdClient OpenId => system.Identities.OpenId;

    [Fact]
    public async Task The_identity_cookie_is_HttpOnly_SameSite_Lax_and_not_Secure_over_plain_HTTP()
    {
        var person = await Identities.CreatePersonAsync();
        using var browser = Identities.NewBrowser();

        await OpenId.LoginAsync(browser, person.Email, person.Password);

        var cookie = Assert.Single(browser.SetCookieHeaders, h => h.StartsWith("nege.identity=", StringComparison.Ordinal) && !h.StartsWith("nege.identity=;", StringComparison.Ordinal));
        var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
        Assert.Contains("path=/", attributes);
        Assert.DoesNotContain("secure", attributes);
        Assert.All(browser.SetCookieHeaders.Where(h => h.StartsWith("nege.identity.antiforgery=", StringComparison.Ordinal)),
            h => Assert.Contains("httponly", h.ToLowerInvariant(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://pirate.example/vol")]
    [InlineData("//pirate.example/vol")]
    [InlineData("/\\pirate.example/vol")]
    public async Task The_login_page_sends_people_back_to_local_addresses_only(string returnUrl)
    {
        var person = await Identities.PersonWithRoleAsync(NegeRoles.Recruiter);
        using var browser = Identities.NewBrowser();

        var (next, refusal) = await OpenIdClient.SubmitLoginAsync(
            browser, new Uri(browser.BaseAddress, "/compte/connexion?ReturnUrl=" + Uri.EscapeDataString(returnUrl)), person.Email, person.Password);

        Assert.Null(refusal);
        Assert.Equal(browser.BaseAddress.Authority, next!.Authority);
        Assert.Equal("/", next.AbsolutePath);
    }

    [Fact]
    public async Task An_authorization_code_needs_its_PKCE_verifier_and_works_once()
    {
        var person = await Identities.PersonWithRoleAsync(NegeRoles.Recruiter);
        using var browser = Identities.NewBrowser();
        await OpenId.LoginAsync(browser, person.Email, person.Password);

        var first = OpenId.NewAuthorization();
        var firstCode = CodeOf(await OpenId.AuthorizeRedirectAsync(browser, first));
        var wrongVerifier = await OpenId.RedeemCodeAsync(firstCode, OpenId.NewAuthorization().Verifier);
        Assert.Equal(HttpStatusCode.BadRequest, wrongVerifier.StatusCode);
        Assert.Equal("invalid_grant", await OpenIdClient.ErrorOfAsync(wrongVerifier));

        var second = OpenId.NewAuthorization();
        var secondCode = CodeOf(await OpenId.AuthorizeRedirectAsync(browser, second));
        var redeemed = await OpenId.RedeemCodeAsync(secondCode, second.Verifier);
        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        var again = await OpenId.RedeemCodeAsync(secondCode, second.Verifier);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("invalid_grant", await OpenIdClient.ErrorOfAsync(again));
    }

    [Fact]
    public async Task Authorization_requests_without_PKCE_or_to_an_unregistered_address_are_refused()
    {
        using var browser = Identities.NewBrowser();

        var withoutPkce = await browser.GetAsync(QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = OpenIdClient.ClientId, ["response_type"] = "code", ["redirect_uri"] = OpenId.RedirectUri,
            ["scope"] = OpenIdClient.Scopes, ["state"] = "etat", ["nonce"] = "nonce",
        }));
        // Refused either on the spot or back to the client with the error; never with a code.
        if (withoutPkce.StatusCode == HttpStatusCode.Redirect)
        {
            var error = QueryHelpers.ParseQuery(browser.LocationOf(withoutPkce).Query);
            Assert.Equal("invalid_request", error["error"].ToString());
            Assert.False(error.ContainsKey("code"));
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, withoutPkce.StatusCode);
            Assert.Contains("code_challenge", await withoutPkce.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var elsewhere = OpenId.NewAuthorization().Url.Replace(
            Uri.EscapeDataString(OpenId.RedirectUri), Uri.EscapeDataString("https://pirate.example/signin-oidc"), StringComparison.Ordinal);
        Assert.Contains("pirate.example", elsewhere, StringComparison.Ordinal);
        var refused = await browser.GetAsync(elsewhere);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Null(refused.Headers.Location);
    }

    [Fact]
    public async Task Prompt_login_asks_for_the_password_again_even_with_a_session_then_gives_a_code()
    {
        var person = await Identities.PersonWithRoleAsync(NegeRoles.Recruiter);
        using var browser = Identities.NewBrowser();
        await OpenId.LoginAsync(browser, person.Email, person.Password);

        var request = OpenId.NewAuthorization(prompt: "login");
        var loginPage = await OpenId.AuthorizeRedirectAsync(browser, request);
        Assert.Equal("/compte/connexion", loginPage.AbsolutePath);

        var (next, refusal) = await OpenIdClient.SubmitLoginAsync(browser, loginPage, person.Email, person.Password);
        Assert.Null(refusal);
        var back = await browser.GetAsync(next!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var code = CodeOf(browser.LocationOf(back));
        Assert.Equal(HttpStatusCode.OK, (await OpenId.RedeemCodeAsync(code, request.Verifier)).StatusCode);
    }

    [Fact]
    public async Task A_password_reset_asked_for_an_unknown_address_is_accepted_and_sends_nothing()
    {
        var unknown = $"inconnue-{Guid.NewGuid():N}@exemple-grand-est.fr";
        var person = await Identities.CreatePersonAsync();

        var refused = await system.Gateway.PostAsJsonAsync("/api/membership/password-reset-requests", new { email = unknown });
        var accepted = await system.Gateway.PostAsJsonAsync("/api/membership/password-reset-requests", new { email = person.Email });

        Assert.Equal(HttpStatusCode.Accepted, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        // The known address's e-mail arrives; by then the unknown one's would have too.
        await system.Sink.WaitForAsync(e => e.Subject.StartsWith("Réinitialisation", StringComparison.Ordinal) && e.To.Any(to => to.Address == person.Email),
            Identities.MailTimeout, "the reset e-mail of the known address");
        Assert.DoesNotContain(await system.Sink.GetAllAsync(), e => e.To.Any(to => to.Address == unknown));
    }

    [Fact]
    public async Task An_administrator_can_neither_lock_their_own_account_nor_withdraw_the_last_admin_role()
    {
        var admin = await Identities.AdministratorAsync();
        var token = await Identities.AdminTokenAsync();

        var locked = await Identities.SendAsync(HttpMethod.Post, $"/api/membership/accounts/{admin.Id}/lock", token);
        var withdrawn = await Identities.SendAsync(HttpMethod.Delete, $"/api/membership/accounts/{admin.Id}/roles/{NegeRoles.Admin}", token);
        if (withdrawn.IsSuccessStatusCode)
        {
            // Put things back for the other tests before failing.
            await Identities.SendAsync(HttpMethod.Put, $"/api/membership/accounts/{admin.Id}/roles/{NegeRoles.Admin}", token);
        }

        if (locked.IsSuccessStatusCode)
        {
            await Identities.SendAsync(HttpMethod.Post, $"/api/membership/accounts/{admin.Id}/unlock", token);
        }

        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        Assert.Equal("Vous ne pouvez pas verrouiller votre propre compte.", (await locked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, withdrawn.StatusCode);
        Assert.Equal("Impossible de retirer le rôle du dernier administrateur.", (await withdrawn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Contains(NegeRoles.Admin, (await Identities.LoginAsync(admin)).Roles);
    }

    private string CodeOf(Uri callback)
    {
        Assert.Equal(OpenId.RedirectUri, callback.GetLeftPart(UriPartial.Path));
        return QueryHelpers.ParseQuery(callback.Query)["code"].ToString();
    }
}
