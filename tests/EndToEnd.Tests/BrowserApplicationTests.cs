using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nege.ServiceDefaults;

namespace EndToEnd.Tests;

/// <summary>
/// « Devenir adhérent » in a real browser, as a person fills it: both parts of the form (sections
/// opened by their titles, files chosen, boxes ticked), the preview, the submission; then a board
/// member logs in and records the decision, which reaches the applicant by e-mail.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class BrowserApplicationTests(RunningSystem system) : BrowserTest
{
    [Fact]
    public async Task An_applicant_fills_both_parts_and_submits_then_a_board_member_accepts_in_the_extranet()
    {
        var gateway = system.GatewayUrl;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var email = $"candidature-{suffix}@exemple.fr";
        var organisationName = $"Atelier Numérique {suffix}";
        var png = new FilePayload { Name = "image.png", MimeType = "image/png", Buffer = Convert.FromBase64String(MembershipApplicationFlowTests.TinyPng) };
        var page = await NewPageAsync();

        await page.GotoAsync(gateway + "/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Devenir adhérent" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Commencer ma demande d'adhésion" }).ClickAsync();

        // Part 1: « Référent de l'organisme ».
        await page.GetByLabel("Adresse de courriel *").FillAsync(email);
        await page.GetByLabel("Nom d'utilisateur *").FillAsync($"atelier.{suffix}");
        await page.GetByLabel("Civilité *").SelectOptionAsync("Monsieur");
        await page.GetByLabel("Nom *", new() { Exact = true }).FillAsync("Champenois");
        await page.GetByLabel("Prénom *").FillAsync("Louis");
        await page.GetByLabel("Photo").SetInputFilesAsync(png);
        await page.GetByText("Coordonnées individuelles", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Téléphone mobile").FillAsync("06 98 76 54 32");
        await page.GetByText("Lieu de travail habituel", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Code Postal").FillAsync("51100");
        await page.GetByLabel("Ville").FillAsync("Reims");
        await page.GetByText("Notifications de publication d'une actualité", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Vie de l'association").CheckAsync();
        await page.GetByLabel("En cochant cette case").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/adhesion/organisme"));

        // Part 2: « Organisme », its four sections.
        await page.GetByLabel("Raison sociale *").FillAsync(organisationName);
        await page.GetByLabel("Catégorie d'organisme *").SelectOptionAsync("Entreprise");
        await page.GetByLabel("Localisation de la direction régionale *").FillAsync("Reims");
        await page.GetByLabel("Logo *").SetInputFilesAsync(png);
        await page.GetByLabel("Présentation").FillAsync("<p>Nous formons et recrutons des <strong>développeurs</strong>.</p>");
        await page.GetByText("Caractéristiques de l'activité de l'entreprise", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Votre organisme fait-il partie du secteur numérique ?" }).GetByLabel("Oui").CheckAsync();
        await page.GetByLabel("PME : 10-250 personnes").CheckAsync();
        await page.GetByLabel("Éditeur de logiciel, plateforme SaaS").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Localisation des établissements de l'entreprise" })
            .GetByLabel("Champagne Ardennes : Marne (51)").CheckAsync();
        await page.GetByText("Périmètre d'adhésion", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Adhésion pour l'Alsace *").FillAsync("0");
        await page.GetByLabel("Adhésion pour Champagne-Ardenne *").FillAsync("25");
        await page.GetByLabel("Adhésion pour Lorraine *").FillAsync("0");
        await page.GetByText("Clauses d'engagement", new() { Exact = true }).First.ClickAsync();
        await page.GetByLabel("Je certifie sur l'honneur avoir les délégations").CheckAsync();
        await page.GetByLabel("Je certifie avoir pris connaissance des statuts").CheckAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Aperçu" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/adhesion/apercu"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(organisationName);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Champagne Ardennes : Marne (51)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre demande d'adhésion a bien été transmise");

        await system.Sink.WaitForAsync(
            e => e.To.Any(to => to.Address == MembershipApplicationFlowTests.PresidentEmail) && (e.Text ?? "").Contains(organisationName, StringComparison.Ordinal),
            Identities.MailTimeout, "the president's e-mail");
        await system.Sink.WaitForAsync(
            e => e.To.Any(to => to.Address == email) && e.Subject.Contains("bien été reçue", StringComparison.Ordinal), Identities.MailTimeout, "the applicant's copy");

        // A board member logs in on the site and accepts the application.
        var board = await system.Identities.CreatePersonAsync("board");
        var boardPage = await NewPageAsync();
        await boardPage.GotoAsync(gateway + "/");
        await boardPage.GetByRole(AriaRole.Link, new() { Name = "Se connecter" }).ClickAsync();
        await boardPage.GetByLabel("Adresse de courriel ou nom d'utilisateur").FillAsync(board.Email);
        await boardPage.GetByLabel("Mot de passe").FillAsync(board.Password);
        await boardPage.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await boardPage.GetByRole(AriaRole.Link, new() { Name = "Espace membre" }).ClickAsync();
        await boardPage.GetByRole(AriaRole.Link, new() { Name = "Demandes d'adhésion" }).ClickAsync();
        await boardPage.GetByRole(AriaRole.Link, new() { Name = organisationName }).ClickAsync();
        await boardPage.GetByLabel("Acceptée").CheckAsync();
        await boardPage.GetByLabel("Date de la réunion du Conseil d'Administration *")
            .FillAsync(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/Paris")).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await boardPage.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision" }).ClickAsync();
        await Assertions.Expect(boardPage.Locator("main")).ToContainTextAsync("Acceptée");

        var decision = await system.Sink.WaitForAsync(
            e => e.To.Any(to => to.Address == email) && e.Subject.Contains("acceptée", StringComparison.Ordinal), Identities.MailTimeout, "the decision");
        Assert.Contains(organisationName, decision.Text, StringComparison.Ordinal);
    }
}
