using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nege.ServiceDefaults.Security;

namespace EndToEnd.Tests;

/// <summary>
/// An AAR commission's work in a real browser, through the gateway: the administrator staffs the Lorraine
/// commission, a partner's system sends a dossier from Moselle, a member takes it into analysis and signs a CV
/// analysis, and the pilot plans the advice interview and qualifies the candidate as employable.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class CommissionBrowserTests(RunningSystem system) : BrowserTest
{
    [Fact]
    public async Task A_member_analyses_a_moselle_dossier_and_the_pilot_qualifies_it_employable_every_step_in_its_history()
    {
        var gateway = system.GatewayUrl;
        var administrator = await system.Identities.AdministratorAsync();
        var member = await system.Identities.CreatePersonAsync(NegeRoles.Commission);
        var pilot = await system.Identities.CreatePersonAsync(NegeRoles.Commission);

        // The administrator puts both in the Lorraine commission, one as its pilot.
        var admin = await LogInAsync(gateway, administrator.Email, administrator.Password);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Espace membre" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Commissions", Exact = true }).ClickAsync();
        foreach (var (person, role) in new[] { (member, "Membre"), (pilot, "Pilote (enregistre les décisions)") })
        {
            await admin.GetByLabel("Rechercher une personne").FillAsync(person.Email);
            await admin.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
            await admin.GetByLabel("Personne *").SelectOptionAsync(new SelectOptionValue { Label = $"{person.DisplayName} ({person.Email})" });
            await admin.GetByLabel("Commission *").SelectOptionAsync("Lorraine");
            await admin.GetByLabel(role, new() { Exact = true }).CheckAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = "Ajouter à la commission" }).ClickAsync();
            await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("La personne est membre de la commission.");
        }

        var lorraine = admin.Locator("section", new() { Has = admin.GetByRole(AriaRole.Heading, new() { Name = "Commission Lorraine" }) });
        await Assertions.Expect(lorraine.Locator("tr", new() { HasText = member.DisplayName })).ToContainTextAsync("Membre");
        await Assertions.Expect(lorraine.Locator("tr", new() { HasText = pilot.DisplayName })).ToContainTextAsync("Pilote");

        // A partner's system sends a dossier from Metz (57): it goes to Lorraine.
        var (_, partner) = await system.Identities.PartnerSystemAsync();
        var submitted = await system.Identities.SendAsync(HttpMethod.Post, "/api/candidates/v1/dossiers", partner, Dossier());
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var dossier = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dossier");
        Assert.Equal("Lorraine", dossier.GetProperty("territory").GetString());
        var number = dossier.GetProperty("number").GetString()!;

        // The member finds it in their work queue, takes it into analysis and signs a CV analysis.
        var page = await LogInAsync(gateway, member.Email, member.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Espace membre" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "File de travail" }).ClickAsync();
        await page.GetByLabel("Statut").SelectOptionAsync(new SelectOptionValue { Label = "Déposé" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
        var line = page.Locator("tr", new() { HasText = number });
        await Assertions.Expect(line).ToContainTextAsync("Déposé");
        await line.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync($"Dossier {number}");

        await page.GetByLabel("En analyse", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le nouveau statut" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Le nouveau statut du dossier est enregistré.");

        await page.GetByLabel("Analyse du CV", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Compétence 1 : type").SelectOptionAsync("Technique");
        await page.GetByLabel("Compétence 1 : intitulé").FillAsync("Développement C#");
        await page.GetByLabel("Compétence 1 : niveau").SelectOptionAsync("Pratique");
        await page.GetByLabel("Points forts").FillAsync("Vingt ans de gestion de projet.");
        await page.GetByLabel("Conclusions").FillAsync("Profil solide pour la chefferie de projet.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Signer l'analyse" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("L'analyse est enregistrée");
        var analysis = page.Locator("article.analyse");
        await Assertions.Expect(analysis).ToContainTextAsync($"Signée par {member.DisplayName}");
        await Assertions.Expect(analysis).ToContainTextAsync("Développement C#");

        // The pilot plans the advice interview, then records the decision with its reason.
        var pilotPage = await LogInAsync(gateway, pilot.Email, pilot.Password);
        await pilotPage.GetByRole(AriaRole.Link, new() { Name = "Espace membre" }).ClickAsync();
        await pilotPage.GetByRole(AriaRole.Link, new() { Name = "File de travail" }).ClickAsync();
        await pilotPage.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await pilotPage.GetByLabel("Entretien conseil planifié", new() { Exact = true }).CheckAsync();
        await pilotPage.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le nouveau statut" }).ClickAsync();
        await Assertions.Expect(pilotPage.GetByRole(AriaRole.Status)).ToContainTextAsync("Le nouveau statut du dossier est enregistré.");

        await pilotPage.GetByLabel("Qualifié employable", new() { Exact = true }).CheckAsync();
        await pilotPage.GetByLabel("Motif").FillAsync("Qualifié employable en commission : projet clair, compétences confirmées.");
        await pilotPage.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le nouveau statut" }).ClickAsync();
        await Assertions.Expect(pilotPage.GetByRole(AriaRole.Status)).ToContainTextAsync("Le nouveau statut du dossier est enregistré.");

        await Assertions.Expect(pilotPage.Locator("dl.details").First).ToContainTextAsync("Qualifié employable");
        var history = pilotPage.Locator("table.historique tbody tr");
        await Assertions.Expect(history).ToHaveCountAsync(4);
        await Assertions.Expect(history.Nth(0)).ToContainTextAsync("Système du partenaire");
        await Assertions.Expect(history.Nth(1)).ToContainTextAsync(new Regex($"{Regex.Escape(member.DisplayName)}\\s*Déposé\\s*En analyse"));
        await Assertions.Expect(history.Nth(2)).ToContainTextAsync(new Regex($"{Regex.Escape(pilot.DisplayName)}\\s*En analyse\\s*Entretien conseil planifié"));
        await Assertions.Expect(history.Nth(3)).ToContainTextAsync(pilot.DisplayName);
        await Assertions.Expect(history.Nth(3)).ToContainTextAsync("Qualifié employable en commission : projet clair, compétences confirmées.");
        // Decided: the dossier may now only be withdrawn or closed.
        var next = pilotPage.GetByRole(AriaRole.Group, new() { Name = "Nouveau statut" }).GetByRole(AriaRole.Radio);
        await Assertions.Expect(next).ToHaveCountAsync(2);
        await Assertions.Expect(pilotPage.GetByLabel("Clôturé", new() { Exact = true })).ToBeVisibleAsync();
    }

    private static object Dossier()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        return new
        {
            identification = new
            {
                firstName = "Mathilde",
                lastName = $"Lorrain-{suffix}",
                partnerReference = $"FT-{suffix}",
                address = new { street = "12 rue Serpenoise", postalCode = "57000", city = "Metz" },
                email = $"candidate.{suffix}@exemple.fr",
                phone = "03 87 65 43 21",
                birthDate = "1980-06-15",
            },
            context = new { situations = new[] { "Personne en reconversion professionnelle" } },
            profile = new
            {
                skills = new[] { new { kind = "Méthodologique", name = "Gestion de projet", level = "Maîtrise" } },
                qualificationLevel = "Niveau 6 (bac+3, bac+4 : licence, BUT, master 1)",
            },
            project = new { targetJobs = new[] { "Cheffe de projet numérique" }, contractTypes = new[] { "CDI" } },
            consent = new { noticeVersion = "2026-12" },
        };
    }
}
