using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nege.AppHost;
using Nege.ServiceDefaults.Security;
using Nege.Testing;

namespace EndToEnd.Tests;

/// <summary>People's identity through the gateway: first administrator, registration, password links, lockout, sessions, roles.</summary>
[Collection(SystemCollection.Name)]
public sealed class IdentityFlowTests(RunningSystem system)
{
    private const string Incorrect = "Identifiant ou mot de passe incorrect.";
    private const string LockedOut = "Votre compte est verrouillé après plusieurs échecs de connexion.";
    private const string LockedByAdministrator = "Votre compte est verrouillé.";
    private const string Unconfirmed = "Confirmez d'abord votre adresse de courriel";
    private const string UsedLink = "Ce lien a déjà été utilisé : demandez-en un nouveau si besoin.";
    private const string ResetSubject = "Réinitialisation de votre mot de passe — Numéric'Emploi Grand Est";
    private const string ConfirmationSubject = "Confirmez votre adresse de courriel — Numéric'Emploi Grand Est";

    private Identities Identities => system.Identities;

    private OpenIdClient OpenId => system.Identities.OpenId;

    [Fact]
    public async Task The_first_administrator_sets_a_password_from_the_emailed_link_then_logs_in_with_code_and_PKCE()
    {
        var setup = await Identities.AdministratorSetupAsync();

        Assert.Equal(Identities.InvitationSubject, setup.Invitation.Subject);
        Assert.StartsWith(system.GatewayUrl + "/compte/nouveau-mot-de-passe?jeton=", setup.InvitationLink, StringComparison.Ordinal);
        Assert.Contains("Votre mot de passe est enregistré", setup.PageAfterPassword, StringComparison.Ordinal);

        // The link was used up by the page.
        var reuse = await system.Gateway.PostAsJsonAsync("/api/membership/password-resets",
            new { token = Identities.TokenIn(setup.InvitationLink), password = "Quiche-Lorraine-Tarte-Flambee" });
        await AssertFieldErrorAsync(reuse, "token", UsedLink);

        using var browser = Identities.NewBrowser();
        var tokens = await OpenId.LoginAsync(browser, NegeTopology.FirstAdministratorEmail, Identities.AdministratorPassword);
        Assert.True(browser.HasCookie("nege.identity"));
        Assert.NotNull(tokens.IdToken);
        Assert.NotNull(tokens.RefreshToken);
        Assert.InRange(tokens.ExpiresIn, 60, 15 * 60);
        Assert.Equal(system.Issuer, tokens.AccessClaims.GetProperty("iss").GetString());
        Assert.Contains(NegeRoles.Admin, tokens.Roles);
        Assert.Equal(system.Issuer, Jwt.Payload(tokens.IdToken!).GetProperty("iss").GetString());

        var me = await Identities.SendAsync(HttpMethod.Get, "/api/membership/me", tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var account = await me.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(NegeTopology.FirstAdministratorEmail, account.GetProperty("email").GetString());
        Assert.Contains(NegeRoles.Admin, account.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(account.GetProperty("emailConfirmed").GetBoolean());

        var messaging = await Identities.SendAsync(HttpMethod.Get, "/api/billing/admin/messaging", tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, messaging.StatusCode);
    }

    [Fact]
    public async Task A_registered_person_can_log_in_only_once_the_address_is_confirmed_from_the_emailed_link()
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var email = $"inscrite-{suffix}@exemple-grand-est.fr";
        var password = $"Quetsche-{suffix}-Metz";
        var registered = await system.Gateway.PostAsJsonAsync("/api/membership/accounts/registrations", new
        {
            email,
            userName = $"Inès O'Neil-{suffix}",
            civility = "Madame",
            lastName = "O'Neil",
            firstName = "Inès",
            function = "Développeuse",
            password,
            consent = true,
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var created = await registered.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(created.GetProperty("emailConfirmed").GetBoolean());

        using var browser = Identities.NewBrowser();
        var refused = await OpenId.TryLoginAsync(browser, email, password);
        Assert.Null(refused.Tokens);
        Assert.Contains(Unconfirmed, refused.RefusalText, StringComparison.Ordinal);
        Assert.False(browser.HasCookie("nege.identity"));

        var confirmation = await system.Sink.WaitForAsync(
            e => e.Subject == ConfirmationSubject && e.To.Any(to => to.Address == email), Identities.MailTimeout, "the confirmation e-mail");
        var link = Identities.LinkIn(confirmation);
        Assert.StartsWith(system.GatewayUrl + "/compte/confirmer?jeton=", link, StringComparison.Ordinal);

        var page = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var confirmed = await browser.SubmitAsync(new Uri(link).PathAndQuery, await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Votre adresse de courriel est confirmée", BrowserSession.Text(await confirmed.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // By e-mail or by user name, whatever the case.
        var tokens = await OpenId.LoginAsync(browser, email.ToUpperInvariant(), password);
        Assert.Equal(email, tokens.AccessClaims.GetProperty("email").GetString());
        using var other = Identities.NewBrowser();
        await OpenId.LoginAsync(other, $"Inès O'Neil-{suffix}", password);

        var again = await system.Gateway.PostAsJsonAsync("/api/membership/email-confirmations", new { token = Identities.TokenIn(link) });
        await AssertFieldErrorAsync(again, "token", UsedLink);
    }

    [Fact]
    public async Task A_password_reset_link_sets_a_new_password_once_and_survives_a_refused_password()
    {
        var person = await Identities.CreatePersonAsync();
        var requested = await system.Gateway.PostAsJsonAsync("/api/membership/password-reset-requests", new { email = person.Email.ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        var reset = await system.Sink.WaitForAsync(
            e => e.Subject == ResetSubject && e.To.Any(to => to.Address == person.Email), Identities.MailTimeout, "the reset e-mail");
        var link = Identities.LinkIn(reset);
        Assert.StartsWith(system.GatewayUrl + "/compte/nouveau-mot-de-passe?jeton=", link, StringComparison.Ordinal);
        var token = Identities.TokenIn(link);

        // Refused passwords leave the link usable.
        await AssertFieldErrorAsync(
            await system.Gateway.PostAsJsonAsync("/api/membership/password-resets", new { token, password = "Court-1" }),
            "password", "Le mot de passe doit contenir au moins 12 caractères.");
        await AssertFieldErrorAsync(
            await system.Gateway.PostAsJsonAsync("/api/membership/password-resets", new { token, password = "azertyuiop123" }),
            "password", "Ce mot de passe est trop courant : choisissez-en un autre, plus difficile à deviner.");

        using var browser = Identities.NewBrowser();
        var page = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = await page.Content.ReadAsStringAsync();
        var tooCommon = await browser.SubmitAsync(new Uri(link).PathAndQuery, form, ("Password", "bienvenue2026"), ("Confirmation", "bienvenue2026"));
        Assert.Contains("Ce mot de passe est trop courant", BrowserSession.Text(await tooCommon.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        const string newPassword = "Madeleine-de-Commercy-54";
        var set = await browser.SubmitAsync(new Uri(link).PathAndQuery, await tooCommon.Content.ReadAsStringAsync(),
            ("Password", newPassword), ("Confirmation", newPassword));
        Assert.Contains("Votre mot de passe est enregistré", BrowserSession.Text(await set.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        await AssertFieldErrorAsync(
            await system.Gateway.PostAsJsonAsync("/api/membership/password-resets", new { token, password = "Bergamote-de-Nancy-2027" }),
            "token", UsedLink);
        await AssertFieldErrorAsync(
            await system.Gateway.PostAsJsonAsync("/api/membership/password-resets", new { token = token + "x", password = "Bergamote-de-Nancy-2027" }),
            "token", "Ce lien n'est pas valable.");

        using var old = Identities.NewBrowser();
        var refused = await OpenId.TryLoginAsync(old, person.Email, person.Password);
        Assert.Contains(Incorrect, refused.RefusalText, StringComparison.Ordinal);
        using var fresh = Identities.NewBrowser();
        await OpenId.LoginAsync(fresh, person.Email, newPassword);
    }

    [Fact]
    public async Task A_new_password_ends_the_sessions_opened_with_the_old_one()
    {
        var person = await Identities.CreatePersonAsync();
        var session = await Identities.LoginAsync(person);
        Assert.Equal(HttpStatusCode.OK, (await OpenId.RefreshAsync(session.RefreshToken!)).StatusCode);
        using var otherBrowser = Identities.NewBrowser();
        var other = await OpenId.LoginAsync(otherBrowser, person.Email, person.Password);

        await system.Gateway.PostAsJsonAsync("/api/membership/password-reset-requests", new { email = person.Email });
        var reset = await system.Sink.WaitForAsync(
            e => e.Subject == ResetSubject && e.To.Any(to => to.Address == person.Email), Identities.MailTimeout, "the reset e-mail");
        var changed = await system.Gateway.PostAsJsonAsync("/api/membership/password-resets",
            new { token = Identities.TokenIn(Identities.LinkIn(reset)), password = "Nouveau-Départ-Metz-57" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        var refused = await OpenId.RefreshAsync(other.RefreshToken!);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("invalid_grant", await OpenIdClient.ErrorOfAsync(refused));

        // The identity server's login cookie of that other browser no longer opens the door either.
        Assert.True(otherBrowser.HasCookie("nege.identity"));
        var again = await OpenId.AuthorizeRedirectAsync(otherBrowser);
        Assert.Equal("/compte/connexion", again.AbsolutePath);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_until_an_administrator_unlocks_it()
    {
        var person = await Identities.CreatePersonAsync();
        using var browser = Identities.NewBrowser();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await OpenId.TryLoginAsync(browser, person.Email, "Pas-le-bon-mot-de-passe");
            Assert.Contains(Incorrect, wrong.RefusalText, StringComparison.Ordinal);
        }

        var fifth = await OpenId.TryLoginAsync(browser, person.Email, "Pas-le-bon-mot-de-passe");
        Assert.Contains(LockedOut, fifth.RefusalText, StringComparison.Ordinal);

        var right = await OpenId.TryLoginAsync(browser, person.Email, person.Password);
        Assert.Null(right.Tokens);
        Assert.Contains(LockedOut, right.RefusalText, StringComparison.Ordinal);

        var view = await Identities.SendAsync(HttpMethod.Get, $"/api/membership/accounts/{person.Id}", await Identities.AdminTokenAsync());
        Assert.True((await view.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("account").GetProperty("isLocked").GetBoolean());

        var unlock = await Identities.SendAsync(HttpMethod.Post, $"/api/membership/accounts/{person.Id}/unlock", await Identities.AdminTokenAsync());
        Assert.Equal(HttpStatusCode.OK, unlock.StatusCode);
        Assert.False((await unlock.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isLocked").GetBoolean());

        var tokens = await OpenId.LoginAsync(browser, person.Email, person.Password);
        Assert.Equal(person.Id.ToString(), tokens.AccessClaims.GetProperty("sub").GetString());
    }

    [Fact]
    public async Task Logout_ends_the_identity_session_and_refresh_works_until_an_administrator_locks_the_account()
    {
        var person = await Identities.CreatePersonAsync();
        using var browser = Identities.NewBrowser();
        var tokens = await OpenId.LoginAsync(browser, person.Email, person.Password);
        Assert.True(browser.HasCookie("nege.identity"));

        // Still logged in on the identity server: authorize answers with a code straight away.
        var silent = await OpenId.AuthorizeRedirectAsync(browser);
        Assert.Equal(OpenId.RedirectUri, silent.GetLeftPart(UriPartial.Path));
        Assert.Contains("code=", silent.Query, StringComparison.Ordinal);

        var refreshed = await OpenIdClient.ReadTokensAsync(await OpenId.RefreshAsync(tokens.RefreshToken!));
        Assert.NotEqual(tokens.AccessToken, refreshed.AccessToken);
        Assert.Equal(person.Id.ToString(), refreshed.AccessClaims.GetProperty("sub").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Identities.SendAsync(HttpMethod.Get, "/api/membership/me", refreshed.AccessToken)).StatusCode);
        var refreshToken = refreshed.RefreshToken ?? tokens.RefreshToken!;

        var logout = await browser.GetAsync(
            $"/connect/logout?id_token_hint={Uri.EscapeDataString(tokens.IdToken!)}&post_logout_redirect_uri={Uri.EscapeDataString(OpenId.PostLogoutRedirectUri)}");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(OpenId.PostLogoutRedirectUri, browser.LocationOf(logout).GetLeftPart(UriPartial.Path));
        Assert.False(browser.HasCookie("nege.identity"));

        var afterLogout = await OpenId.AuthorizeRedirectAsync(browser);
        Assert.Equal("/compte/connexion", afterLogout.AbsolutePath);

        var locked = await Identities.SendAsync(HttpMethod.Post, $"/api/membership/accounts/{person.Id}/lock", await Identities.AdminTokenAsync());
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);

        var refusedRefresh = await OpenId.RefreshAsync(refreshToken);
        Assert.Equal(HttpStatusCode.BadRequest, refusedRefresh.StatusCode);
        Assert.Equal("invalid_grant", await OpenIdClient.ErrorOfAsync(refusedRefresh));

        var refusedLogin = await OpenId.TryLoginAsync(browser, person.Email, person.Password);
        Assert.Null(refusedLogin.Tokens);
        Assert.Contains(LockedByAdministrator, refusedLogin.RefusalText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_refresh_token_is_refused()
    {
        var person = await Identities.CreatePersonAsync();
        var tokens = await Identities.LoginAsync(person);

        var revoked = await OpenId.RevokeAsync(tokens.RefreshToken!, "refresh_token");
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        var refused = await OpenId.RefreshAsync(tokens.RefreshToken!);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("invalid_grant", await OpenIdClient.ErrorOfAsync(refused));
    }

    [Fact]
    public async Task A_granted_role_is_audited_and_in_the_next_token_and_a_withdrawn_one_is_gone()
    {
        var admin = await Identities.AdministratorAsync();
        var person = await Identities.CreatePersonAsync();
        Assert.DoesNotContain(NegeRoles.Editor, (await Identities.LoginAsync(person)).Roles);

        var granted = await Identities.SendAsync(HttpMethod.Put, $"/api/membership/accounts/{person.Id}/roles/{NegeRoles.Editor}", await Identities.AdminTokenAsync());
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var details = await AccountDetailsAsync(person.Id);
        var grant = Assert.Single(details.GetProperty("roleChanges").EnumerateArray(), c => c.GetProperty("role").GetString() == NegeRoles.Editor);
        Assert.Equal("granted", grant.GetProperty("change").GetString());
        Assert.Equal(admin.DisplayName, grant.GetProperty("byName").GetString());
        Assert.Equal(admin.Id, grant.GetProperty("byAccountId").GetGuid());

        var withRole = await Identities.LoginAsync(person);
        Assert.Contains(NegeRoles.Editor, withRole.Roles);

        var withdrawn = await Identities.SendAsync(HttpMethod.Delete, $"/api/membership/accounts/{person.Id}/roles/{NegeRoles.Editor}", await Identities.AdminTokenAsync());
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        details = await AccountDetailsAsync(person.Id);
        var changes = details.GetProperty("roleChanges").EnumerateArray().Where(c => c.GetProperty("role").GetString() == NegeRoles.Editor).ToList();
        Assert.Equal(["granted", "withdrawn"], changes.Select(c => c.GetProperty("change").GetString()).Order(StringComparer.Ordinal));
        Assert.All(changes, c => Assert.Equal(admin.DisplayName, c.GetProperty("byName").GetString()));

        Assert.DoesNotContain(NegeRoles.Editor, (await Identities.LoginAsync(person)).Roles);
        // A refresh token issued while the role was granted gets today's roles.
        var refreshed = await OpenIdClient.ReadTokensAsync(await OpenId.RefreshAsync(withRole.RefreshToken!));
        Assert.DoesNotContain(NegeRoles.Editor, refreshed.Roles);
    }

    [Fact]
    public async Task Managing_accounts_is_refused_to_a_person_without_the_admin_role_and_to_anonymous_callers()
    {
        var recruiter = await Identities.PersonWithRoleAsync(NegeRoles.Recruiter);
        var token = (await Identities.LoginAsync(recruiter)).AccessToken;

        Assert.Equal(HttpStatusCode.Forbidden, (await Identities.SendAsync(HttpMethod.Get, "/api/membership/accounts", token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Identities.SendAsync(HttpMethod.Put, $"/api/membership/accounts/{recruiter.Id}/roles/admin", token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Identities.SendAsync(HttpMethod.Get, "/api/membership/accounts", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Identities.SendAsync(HttpMethod.Get, "/api/membership/me", null)).StatusCode);

        // The person's own account is theirs to read.
        var me = await Identities.SendAsync(HttpMethod.Get, "/api/membership/me", token);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal([NegeRoles.Recruiter], (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.DoesNotContain(NegeRoles.Admin, (await Identities.LoginAsync(recruiter)).Roles);
    }

    private async Task<JsonElement> AccountDetailsAsync(Guid id)
    {
        var response = await Identities.SendAsync(HttpMethod.Get, $"/api/membership/accounts/{id}", await Identities.AdminTokenAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    internal static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field, string message)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"No error on « {field} »: {body}");
        Assert.Contains(message, messages.EnumerateArray().Select(m => m.GetString()));
    }
}
