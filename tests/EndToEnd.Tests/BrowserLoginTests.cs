using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Npgsql;
using Nege.ServiceDefaults;

namespace EndToEnd.Tests;

/// <summary>
/// A person in a real browser (Debian's Chromium, headless) on the site through the gateway: creates an
/// account, confirms the address from the e-mail in the SMTP sink, logs in, sees their member area and
/// logs out.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed partial class BrowserLoginTests(RunningSystem system) : BrowserTest
{
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_person_registers_confirms_logs_in_sees_the_member_area_and_logs_out()
    {
        var gateway = system.GatewayUrl;
        var email = $"navigateur-{Guid.NewGuid():N}@exemple.fr";
        const string password = "Mésange-Tuile-Orage-17";
        var page = await NewPageAsync();

        // The account form, filled as a person would, by its French labels.
        await page.GotoAsync($"{gateway}/compte/inscription");
        await page.GetByLabel("Adresse de courriel *").FillAsync(email);
        await page.GetByLabel("Nom d'utilisateur *").FillAsync("Camille.N " + Guid.NewGuid().ToString("N")[..6]);
        await page.GetByLabel("Civilité *").SelectOptionAsync("Madame");
        await page.GetByLabel("Nom *", new() { Exact = true }).FillAsync("Navigateur");
        await page.GetByLabel("Prénom *").FillAsync("Camille");
        await page.GetByLabel("Mot de passe *").FillAsync(password);
        await page.GetByLabel("En cochant cette case").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre compte est créé");

        // The confirmation link from the e-mail, opened in the browser.
        var confirmation = await system.Sink.WaitForRecipientAsync(email, MailTimeout);
        await page.GotoAsync(LinkIn(confirmation.Text!));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer mon adresse" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre adresse de courriel est confirmée");

        // « Se connecter » on the site goes to the identity server's page and back, logged in.
        await page.GotoAsync(gateway + "/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Se connecter" }).ClickAsync();
        await page.GetByLabel("Adresse de courriel ou nom d'utilisateur").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync("Connecté : Camille Navigateur");

        await page.GetByRole(AriaRole.Link, new() { Name = "Espace membre" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/espace-membre"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mon compte" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Comptes" })).ToHaveCountAsync(0);

        // Logging out ends the site's session and the identity server's: the member area asks to log in again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync("Se connecter");
        await page.GotoAsync($"{gateway}/espace-membre");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/compte/connexion"));
        await Assertions.Expect(page.GetByLabel("Mot de passe")).ToBeEmptyAsync();

        // The session's refresh token was revoked at the identity server, not merely forgotten by the site.
        var (valid, revoked) = await RefreshTokensOfAsync(email);
        Assert.Equal(0, valid);
        Assert.True(revoked >= 1, "the refresh token of the session is revoked");
    }

    private async Task<(long Valid, long Revoked)> RefreshTokensOfAsync(string email)
    {
        await using var connection = new NpgsqlConnection(system.MembershipDatabase);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            """
            SELECT count(*) FILTER (WHERE t."Status" = 'valid'), count(*) FILTER (WHERE t."Status" = 'revoked')
            FROM "OpenIddictTokens" t JOIN accounts a ON t."Subject" = a.id::text
            WHERE a.normalized_email = upper($1) AND t."Type" = 'urn:ietf:params:oauth:token-type:refresh_token'
            """, connection);
        count.Parameters.Add(new NpgsqlParameter { Value = email });
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    [Fact]
    public async Task A_wrong_password_in_the_browser_shows_the_French_message_and_no_session()
    {
        var gateway = system.GatewayUrl;
        var page = await NewPageAsync();

        await page.GotoAsync($"{gateway}/connexion");
        await page.GetByLabel("Adresse de courriel ou nom d'utilisateur").FillAsync($"inconnu-{Guid.NewGuid():N}@exemple.fr");
        await page.GetByLabel("Mot de passe").FillAsync("pas-le-bon-mot-de-passe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Identifiant ou mot de passe incorrect.");
        await page.GotoAsync(gateway + "/");
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync("Se connecter");
    }

    private static string LinkIn(string text) => LinkPattern().Match(text).Value;

    [GeneratedRegex(@"https?://\S+jeton=[\w-]+")]
    private static partial Regex LinkPattern();
}
