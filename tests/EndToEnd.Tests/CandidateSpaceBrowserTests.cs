using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nege.ServiceDefaults.Security;

namespace EndToEnd.Tests;

/// <summary>
/// A candidate's own space in a real browser, through the gateway: their account attaches the dossier with the code
/// e-mailed to its address, reads it, exports the PDF, corrects the phone and the city, reports a job found, withdraws
/// the talent-pool consent and asks for erasure; the territory's pilot finds the request on « Demandes des candidats »
/// and refuses it with a message, which the candidate reads in « Mes demandes »; the pilot had been e-mailed the request.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class CandidateSpaceBrowserTests(RunningSystem system) : BrowserTest
{
    private const string Territory = "Champagne-Ardenne";

    private const string PoolConsent = "Publication d'une fiche anonyme dans le vivier des candidats";

    /// <summary>The choice on the candidate's form, in their first person.</summary>
    private const string Erasure = "Clôture et suppression de mon dossier";

    /// <summary>The request as the API names it, for the candidate and the pilot alike.</summary>
    private const string ErasureRequest = "Clôture et suppression du dossier";

    private Identities Identities => system.Identities;

    [Fact]
    public async Task A_candidate_attaches_reads_exports_corrects_reports_a_job_withdraws_a_consent_and_asks_for_erasure_which_the_pilot_refuses()
    {
        // A pilot of Champagne-Ardenne, and a partner's dossier from Reims (51): it goes to that commission.
        var admin = await Identities.AdminTokenAsync();
        var pilot = await Identities.CreatePersonAsync(NegeRoles.Commission);
        Assert.Equal(HttpStatusCode.OK, (await Identities.SendAsync(HttpMethod.Put, $"/api/candidates/territories/{Territory}/members/{pilot.Id}", admin,
            new { displayName = pilot.DisplayName, email = pilot.Email, pilot = true })).StatusCode);
        var (_, partner) = await Identities.PartnerSystemAsync();
        var lastName = "Gauthier" + Guid.NewGuid().ToString("N")[..6];
        var email = $"espace.candidat.{Guid.NewGuid():N}@exemple.fr";
        using var submitted = await Identities.SendAsync(HttpMethod.Post, "/api/candidates/v1/dossiers", partner, Dossier(email, lastName));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var dossier = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dossier");
        Assert.Equal(Territory, dossier.GetProperty("territory").GetString());
        var number = dossier.GetProperty("number").GetString()!;

        // The candidate's own account asks for the dossier with its address, and types the code e-mailed there.
        var candidate = await Identities.CreatePersonAsync();
        var gateway = system.GatewayUrl;
        var page = await LogInAsync(gateway, candidate.Email, candidate.Password);
        var status = page.GetByRole(AriaRole.Status);
        var main = page.Locator("main");
        await page.GetByRole(AriaRole.Link, new() { Name = "Espace membre" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Mon dossier de candidat" }).ClickAsync();
        await page.GetByLabel("Adresse électronique du dossier").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Recevoir un code" }).ClickAsync();
        var codeEmail = await system.Sink.WaitForAsync(
            e => e.To.Any(to => to.Address == email) && e.Subject?.StartsWith("Votre code de rattachement", StringComparison.Ordinal) == true,
            Identities.MailTimeout, "the attachment code sent to the dossier's address");
        await page.GetByLabel("Code à six chiffres").FillAsync(Regex.Match(codeEmail.Subject!, @"\d{6}").Value);
        await page.GetByRole(AriaRole.Button, new() { Name = "Rattacher mon dossier" }).ClickAsync();
        await Assertions.Expect(status).ToContainTextAsync("Votre dossier est rattaché à votre compte.");

        // The whole dossier, and its PDF export read back as text.
        await Assertions.Expect(main).ToContainTextAsync(number);
        await Assertions.Expect(main).ToContainTextAsync(lastName);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Analyses de la commission" })).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Exporter en PDF" }).ClickAsync());
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(await download.PathAsync()))
        {
            var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
            Assert.Contains(lastName, text, StringComparison.Ordinal);
            Assert.Contains("Développeuse web", text, StringComparison.Ordinal);
        }

        // « Corriger mon dossier »: the form comes filled; the phone and the town change.
        await page.GetByRole(AriaRole.Link, new() { Name = "Corriger mon dossier" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Nom *", new() { Exact = true })).ToHaveValueAsync(lastName);
        await Assertions.Expect(page.GetByLabel("Commune *", new() { Exact = true })).ToHaveValueAsync("Reims");
        await page.GetByLabel("Téléphone", new() { Exact = true }).FillAsync("06 11 22 33 44");
        await page.GetByLabel("Code postal *", new() { Exact = true }).FillAsync("51200");
        await page.GetByLabel("Commune *", new() { Exact = true }).FillAsync("Épernay");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer mes corrections" }).ClickAsync();
        await Assertions.Expect(status).ToContainTextAsync("Vos corrections sont enregistrées.");
        var identification = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Identification du candidat" }) });
        await Assertions.Expect(identification).ToContainTextAsync("51200 Épernay");
        await Assertions.Expect(identification).ToContainTextAsync("+33611223344");

        // « Tenir l'association informée »: a job found, in one click.
        var foundJob = page.GetByRole(AriaRole.Form, new() { Name = "J'ai trouvé un emploi" });
        await foundJob.GetByLabel("Précisions (facultatif)").FillAsync("CDI de développeuse chez Champagne Numérique, à partir du 4 janvier.");
        await foundJob.GetByRole(AriaRole.Button, new() { Name = "J'ai trouvé un emploi" }).ClickAsync();
        await Assertions.Expect(status).ToContainTextAsync("le pilote de la commission et votre conseiller en sont avertis");
        var reported = page.Locator("table.engagements tbody tr");
        await Assertions.Expect(reported).ToHaveCountAsync(1);
        await Assertions.Expect(reported.First).ToContainTextAsync("J'ai trouvé un emploi");
        await Assertions.Expect(reported.First).ToContainTextAsync("Champagne Numérique");

        // The talent-pool consent withdrawn, at once.
        await page.GetByRole(AriaRole.Form, new() { Name = PoolConsent }).GetByRole(AriaRole.Button, new() { Name = "Retirer mon consentement" }).ClickAsync();
        await Assertions.Expect(status).ToContainTextAsync("Votre consentement est retiré");
        await Assertions.Expect(page.GetByRole(AriaRole.Article, new() { Name = PoolConsent })).ToContainTextAsync("Consentement retiré");

        // « Mes demandes »: erasure, said to be definitive, with a reason.
        await page.GetByRole(AriaRole.Link, new() { Name = "Mes demandes", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#suppression-definitive")).ToContainTextAsync("il ne pourra pas être rétabli");
        await page.GetByLabel(Erasure, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Motif de ma demande").FillAsync("J'ai trouvé un emploi durable : je souhaite que mes données soient supprimées.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma demande" }).ClickAsync();
        await Assertions.Expect(status).ToContainTextAsync("Votre demande est transmise au pilote");
        var mine = page.Locator("table.demandes tbody tr");
        await Assertions.Expect(mine).ToHaveCountAsync(1);
        await Assertions.Expect(mine.First).ToContainTextAsync(ErasureRequest);
        await Assertions.Expect(mine.First).ToContainTextAsync("En attente de réponse");

        // The pilot finds it among the requests to answer and refuses it, saying why.
        const string Why = "Votre plan d'accompagnement se termine le 31 janvier : nous gardons votre dossier jusque-là pour le bilan.";
        var pilotPage = await LogInAsync(gateway, pilot.Email, pilot.Password);
        await pilotPage.GetByRole(AriaRole.Link, new() { Name = "Espace membre" }).ClickAsync();
        await pilotPage.GetByRole(AriaRole.Link, new() { Name = "Demandes des candidats" }).ClickAsync();
        await pilotPage.GetByLabel("Territoire").SelectOptionAsync(Territory);
        await pilotPage.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
        var request = pilotPage.Locator("article.demande-candidat", new() { HasText = number });
        await Assertions.Expect(request).ToContainTextAsync($"{ErasureRequest} — Camille {lastName}");
        await Assertions.Expect(request).ToContainTextAsync("J'ai trouvé un emploi durable");
        await request.GetByLabel("Message au candidat").FillAsync(Why);
        await request.GetByRole(AriaRole.Button, new() { Name = "Refuser" }).ClickAsync();
        await Assertions.Expect(pilotPage.GetByRole(AriaRole.Status)).ToContainTextAsync("La demande est refusée");
        await Assertions.Expect(pilotPage.Locator("article.demande-candidat", new() { HasText = number })).ToHaveCountAsync(0);
        await pilotPage.GetByLabel("Demandes", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Traitées" });
        await pilotPage.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
        var answered = pilotPage.Locator("article.demande-candidat", new() { HasText = number });
        await Assertions.Expect(answered).ToContainTextAsync("Refusée");
        await Assertions.Expect(answered).ToContainTextAsync(Why);
        await Assertions.Expect(answered.GetByRole(AriaRole.Button, new() { Name = "Refuser" })).ToHaveCountAsync(0);

        // The candidate reads the answer; the dossier is still there.
        await page.ReloadAsync();
        await Assertions.Expect(mine.First).ToContainTextAsync("Refusée");
        await Assertions.Expect(mine.First).ToContainTextAsync(Why);

        // The pilot had been told of the request by e-mail, with the date the answer is due by.
        var told = await system.Sink.WaitForAsync(
            e => e.To.Any(to => to.Address == pilot.Email) && e.Subject?.StartsWith("Demande d'un candidat à traiter avant le ", StringComparison.Ordinal) == true,
            Identities.MailTimeout, "the pilot's e-mail about the candidate's erasure request");
        Assert.EndsWith($" : {ErasureRequest}", told.Subject, StringComparison.Ordinal);
        Assert.Contains(number, told.Text, StringComparison.Ordinal);
    }

    private static object Dossier(string email, string lastName) => new
    {
        identification = new
        {
            firstName = "Camille",
            lastName,
            partnerReference = "CA-" + Guid.NewGuid().ToString("N")[..6],
            address = new { street = "14 rue de Vesle", postalCode = "51100", city = "Reims" },
            email,
            phone = "03 26 12 34 56",
            birthDate = "1992-09-14",
        },
        context = new { situations = new[] { "Personne en reconversion professionnelle" } },
        profile = new
        {
            skills = new[] { new { kind = "Technique", name = "JavaScript", level = "Pratique" } },
            qualificationLevel = "Niveau 5 (bac+2 : BTS, DUT)",
        },
        project = new { targetJobs = new[] { "Développeuse web" }, contractTypes = new[] { "CDI" } },
        consent = new { noticeVersion = "2026-12", talentPool = true },
    };
}
