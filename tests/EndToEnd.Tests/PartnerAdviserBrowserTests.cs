using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nege.ServiceDefaults.Security;

namespace EndToEnd.Tests;

/// <summary>
/// A partner's adviser in a real browser, through the gateway: submits a candidate's dossier with the
/// site's form, finds it in the organisation's list, joins the CV, and, once the commission has moved
/// it, sees the change in its history and in an e-mail.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class PartnerAdviserBrowserTests(RunningSystem system) : BrowserTest
{
    [Fact]
    public async Task An_adviser_submits_a_dossier_with_the_form_joins_the_cv_and_follows_its_status()
    {
        var (organisationId, _) = await system.Identities.PartnerSystemAsync();
        var adviser = await system.Identities.CreatePersonAsync(organisationId, NegeRoles.EmploymentPartner);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var candidateEmail = $"form.{suffix}@exemple.fr";

        var page = await LogInAsync(system.GatewayUrl, adviser.Email, adviser.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Espace membre" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Dossiers de candidats" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Déposer un dossier" }).ClickAsync();

        // A wrong e-mail first: the API's message beside the field, what was typed kept.
        await page.GetByLabel("Prénom *").FillAsync("Inès");
        await page.GetByLabel("Nom *", new() { Exact = true }).FillAsync($"Vosgienne{suffix}");
        await page.GetByLabel("Adresse *", new() { Exact = true }).FillAsync("5 rue Stanislas");
        await page.GetByLabel("Code postal *").FillAsync("88000");
        await page.GetByLabel("Commune *").FillAsync("Épinal");
        await page.GetByLabel("Adresse de courriel *").FillAsync("ines.exemple.fr");
        await page.GetByLabel("Téléphone").FillAsync("03 29 12 34 56");
        await page.GetByLabel("Date de naissance").FillAsync("1988-02-14");
        await page.GetByLabel("Compétence 1 : type").SelectOptionAsync("Technique");
        await page.GetByLabel("Compétence 1 : intitulé").FillAsync("JavaScript");
        await page.GetByLabel("Compétence 1 : niveau").SelectOptionAsync("Pratique");
        await page.GetByLabel("Niveau de qualification *").SelectOptionAsync(new SelectOptionValue { Index = 3 });
        await page.GetByLabel("Métiers visés *").FillAsync("Développeuse web");
        await page.GetByLabel("CDI", new() { Exact = true }).CheckAsync();
        await page.GetByLabel(new Regex("^Le candidat a été informé")).CheckAsync();
        // The browser's own check of the e-mail field is not what is tested here: the API's is.
        await page.Locator("form", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Déposer le dossier" }) })
            .EvaluateAsync("f => f.noValidate = true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Déposer le dossier" }).ClickAsync();

        await Assertions.Expect(page.Locator("#Input_Identification_Email-erreur")).ToContainTextAsync("n'est pas une adresse valide");
        await Assertions.Expect(page.GetByLabel("Commune *")).ToHaveValueAsync("Épinal");

        await page.GetByLabel("Adresse de courriel *").FillAsync(candidateEmail);
        await page.GetByLabel(new Regex("^Le candidat a été informé")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Déposer le dossier" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("est déposé");
        var number = Regex.Match(await page.Locator("h1").InnerTextAsync(), "D-[0-9]{6}").Value;
        Assert.NotEmpty(number);
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Lorraine");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("+33329123456");

        // The CV, checked by its content.
        await page.GetByLabel("Type de document *").SelectOptionAsync("Curriculum Vitae");
        await page.GetByLabel("Fichier *").SetInputFilesAsync(new FilePayload
        {
            Name = "cv-ines.pdf",
            MimeType = "application/pdf",
            Buffer = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Joindre le document" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.documents")).ToContainTextAsync("cv-ines.pdf");

        // The organisation's list has it; the information e-mail reached the candidate.
        await page.GotoAsync($"{system.GatewayUrl}/espace-membre/dossiers");
        await Assertions.Expect(page.Locator("tr", new() { HasText = number })).ToContainTextAsync("Déposé");
        await system.Sink.WaitForAsync(e => e.To.Any(to => to.Address == candidateEmail), Identities.MailTimeout, "the candidate's information e-mail");

        // The commission takes it into analysis: the adviser sees it in the history and is told by e-mail.
        var id = Guid.Parse(Regex.Match(await page.Locator("tr", new() { HasText = number }).GetByRole(AriaRole.Link).GetAttributeAsync("href") ?? "", "[0-9a-f-]{36}").Value);
        var moved = await system.Identities.SendAsync(HttpMethod.Post, $"/api/candidates/commission/dossiers/{id}/transitions",
            await system.Identities.AdminTokenAsync(), new { to = "in_analysis", reason = "Prise en charge par la commission." });
        Assert.Equal(System.Net.HttpStatusCode.OK, moved.StatusCode);
        var told = await system.Sink.WaitForAsync(
            e => e.To.Any(to => to.Address == adviser.Email) && e.Subject.Contains(number, StringComparison.Ordinal),
            Identities.MailTimeout, "the adviser's e-mail about the status change");
        Assert.Contains("« En analyse »", told.Subject, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        var history = page.Locator("table.historique tbody tr");
        await Assertions.Expect(history).ToHaveCountAsync(2);
        await Assertions.Expect(history.Nth(0)).ToContainTextAsync(adviser.DisplayName);
        await Assertions.Expect(history.Nth(1)).ToContainTextAsync("Prise en charge par la commission.");
    }
}
