using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nege.ServiceDefaults.Security;

namespace EndToEnd.Tests;

/// <summary>
/// The administrator's extranet in a real browser: the entries of their role, granting a role that
/// then shows in the other person's member area, and a partner client created, used and revoked.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class AdminBrowserTests(RunningSystem system) : BrowserTest
{
    [Fact]
    public async Task An_administrator_grants_a_role_in_the_extranet_and_the_person_sees_its_entries()
    {
        var administrator = await system.Identities.AdministratorAsync();
        var recruiter = await system.Identities.CreatePersonAsync(NegeRoles.Recruiter);
        var admin = await LogInAsync(system.GatewayUrl, administrator.Email, administrator.Password);

        await admin.GetByRole(AriaRole.Link, new() { Name = "Espace membre" }).ClickAsync();
        foreach (var entry in new[] { "Comptes", "Organismes", "Clients API des partenaires" })
        {
            await Assertions.Expect(admin.GetByRole(AriaRole.Link, new() { Name = entry, Exact = true })).ToBeVisibleAsync();
        }

        await admin.GetByRole(AriaRole.Link, new() { Name = "Comptes", Exact = true }).ClickAsync();
        await admin.GetByLabel("Rechercher").FillAsync(recruiter.Email);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = recruiter.DisplayName }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Attribuer le rôle « Membre de commission »" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Retirer le rôle « Membre de commission »" })).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("table").Last).ToContainTextAsync(administrator.DisplayName);

        // The person's next login carries both roles: their member area shows both roles' entries.
        var person = await LogInAsync(system.GatewayUrl, recruiter.Email, recruiter.Password);
        await person.GetByRole(AriaRole.Link, new() { Name = "Espace membre" }).ClickAsync();
        await Assertions.Expect(person.Locator("main")).ToContainTextAsync("Vivier des candidats");
        await Assertions.Expect(person.Locator("main")).ToContainTextAsync("File de travail");
        await Assertions.Expect(person.GetByRole(AriaRole.Link, new() { Name = "Comptes", Exact = true })).ToHaveCountAsync(0);

        // And the administration pages stay closed to them.
        var refused = await person.GotoAsync($"{system.GatewayUrl}/espace-membre/admin/comptes");
        Assert.Equal((int)HttpStatusCode.Forbidden, refused!.Status);
    }

    [Fact]
    public async Task An_administrator_creates_a_partner_client_whose_secret_works_once_shown_and_revokes_it()
    {
        var administrator = await system.Identities.AdministratorAsync();
        var admin = await LogInAsync(system.GatewayUrl, administrator.Email, administrator.Password);
        var organisation = $"Mission locale de test {Guid.NewGuid():N}"[..40];

        await admin.GotoAsync($"{system.GatewayUrl}/espace-membre/admin/organismes/nouveau");
        await admin.GetByLabel("Nom de l'organisme").FillAsync(organisation);
        await admin.GetByLabel("Catégorie").SelectOptionAsync("Partenaire emploi");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Créer l'organisme" }).ClickAsync();

        await admin.GotoAsync($"{system.GatewayUrl}/espace-membre/admin/clients-partenaires/nouveau");
        await admin.GetByLabel("Organisme (partenaire emploi)").SelectOptionAsync(new SelectOptionValue { Label = organisation });
        await admin.GetByLabel(new Regex("^candidates\\.read")).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Créer le client" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("il ne sera plus jamais affiché");
        var codes = admin.Locator("dl.details code");
        var clientId = await codes.Nth(0).InnerTextAsync();
        var secret = await codes.Nth(1).InnerTextAsync();

        // The partner's system uses what was shown.
        var token = await ClientCredentialsAsync(clientId, secret);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/candidates/partner/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var caller = await system.Gateway.SendAsync(me);
        Assert.Equal(HttpStatusCode.OK, caller.StatusCode);
        Assert.Equal(clientId, (await caller.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientId").GetString());

        // The list never shows the secret again; revoking closes the door.
        await admin.GotoAsync($"{system.GatewayUrl}/espace-membre/admin/clients-partenaires");
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync(clientId);
        Assert.DoesNotContain(secret, await admin.ContentAsync(), StringComparison.Ordinal);
        await admin.Locator("tr", new() { HasText = clientId }).GetByRole(AriaRole.Link, new() { Name = "Révoquer" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Confirmer la révocation" }).ClickAsync();
        await Assertions.Expect(admin.Locator("tr", new() { HasText = clientId })).ToContainTextAsync("Révoqué");

        var refused = await ClientCredentialsAsync(clientId, secret);
        Assert.Contains(refused.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized });
        Assert.Equal("invalid_client", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task An_administrator_opens_an_account_locks_and_unlocks_it_and_rotates_a_partner_secret()
    {
        var administrator = await system.Identities.AdministratorAsync();
        var admin = await LogInAsync(system.GatewayUrl, administrator.Email, administrator.Password);
        var email = $"invitee-{Guid.NewGuid():N}@exemple.fr";

        // « Mon compte » reads the person's own account from the API.
        await admin.GotoAsync($"{system.GatewayUrl}/espace-membre/mon-compte");
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync(administrator.Email);

        // A new account: the person is invited by e-mail to choose a password.
        await admin.GotoAsync($"{system.GatewayUrl}/espace-membre/admin/comptes/nouveau");
        await admin.GetByLabel("Civilité").SelectOptionAsync("Monsieur");
        await admin.GetByLabel("Prénom").FillAsync("Hugo");
        await admin.GetByLabel("Nom", new() { Exact = true }).FillAsync("Invité");
        await admin.GetByLabel("Adresse de courriel", new() { Exact = true }).FillAsync(email);
        await admin.GetByLabel("Nom d'utilisateur").FillAsync("hugo.invite " + Guid.NewGuid().ToString("N")[..6]);
        await admin.GetByLabel("Trésorier").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Créer le compte" }).ClickAsync();
        await Assertions.Expect(admin.Locator("h1")).ToContainTextAsync("Hugo Invité");
        var invitation = await system.Sink.WaitForRecipientAsync(email, Identities.MailTimeout);
        Assert.Contains("Trésorier", invitation.Text, StringComparison.Ordinal);

        // Bound to one organisation.
        var organisation = $"Aaa rattachement {Guid.NewGuid():N}"[..30];
        await system.Identities.SendAsync(HttpMethod.Post, "/api/membership/organisations", await system.Identities.AdminTokenAsync(),
            new { name = organisation, category = "Entreprise" });
        await admin.ReloadAsync();
        await admin.GetByLabel("Organisme du compte").SelectOptionAsync(new SelectOptionValue { Label = $"{organisation} (Entreprise)" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'organisme" }).ClickAsync();
        await Assertions.Expect(admin.Locator("dl.details")).ToContainTextAsync(organisation);

        await admin.GetByRole(AriaRole.Button, new() { Name = "Verrouiller le compte" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Déverrouiller le compte" })).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Déverrouiller le compte" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Verrouiller le compte" })).ToBeVisibleAsync();

        // A partner client's secret replaced: the old one stops working, the new one works.
        var (clientId, oldSecret) = await CreatePartnerClientAsync();
        await admin.GotoAsync($"{system.GatewayUrl}/espace-membre/admin/clients-partenaires");
        await admin.Locator("tr", new() { HasText = clientId }).GetByRole(AriaRole.Link, new() { Name = "Renouveler le secret" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Renouveler le secret" }).ClickAsync();
        var newSecret = await admin.Locator("dl.details code").Nth(1).InnerTextAsync();
        Assert.NotEqual(oldSecret, newSecret);
        Assert.Equal("invalid_client", (await (await ClientCredentialsAsync(clientId, oldSecret)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(clientId, newSecret)).StatusCode);
    }

    private async Task<(string ClientId, string Secret)> CreatePartnerClientAsync()
    {
        var token = await system.Identities.AdminTokenAsync();
        var organisation = await system.Identities.SendAsync(HttpMethod.Post, "/api/membership/organisations", token,
            new { name = $"Cap emploi test {Guid.NewGuid():N}"[..30], category = "Partenaire emploi" });
        var organisationId = (await organisation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var created = await system.Identities.SendAsync(HttpMethod.Post, "/api/membership/partner-clients", token,
            new { organisationId, scopes = new[] { NegeScopes.CandidatesRead } });
        var client = await created.Content.ReadFromJsonAsync<JsonElement>();
        return (client.GetProperty("clientId").GetString()!, client.GetProperty("clientSecret").GetString()!);
    }

    private Task<HttpResponseMessage> ClientCredentialsAsync(string clientId, string secret) =>
        system.Gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
}
