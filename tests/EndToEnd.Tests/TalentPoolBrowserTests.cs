using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nege.ServiceDefaults.Security;
using Nege.Testing;

namespace EndToEnd.Tests;

/// <summary>
/// A member company's recruiter in a real browser, through the gateway: searches the talent pool without accents,
/// opens the pseudonymous card and records interest; once the candidate agreed (the pilot records it), reads their
/// contact on the interest's page and fills the follow-up sheet up to the hire.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed partial class TalentPoolBrowserTests(RunningSystem system) : BrowserTest
{
    private const string Pool = "/api/candidates/pool/cards";

    private Identities Identities => system.Identities;

    [Fact]
    public async Task A_recruiter_finds_a_card_records_interest_reads_the_contact_once_agreed_and_follows_up_to_the_hire()
    {
        // A pilot in Alsace publishes a partner's dossier (the candidate consented to the pool).
        var admin = await Identities.AdminTokenAsync();
        var pilot = await Identities.CreatePersonAsync(NegeRoles.Commission);
        Assert.Equal(HttpStatusCode.OK, (await Identities.SendAsync(HttpMethod.Put, $"/api/candidates/territories/Alsace/members/{pilot.Id}", admin,
            new { displayName = pilot.DisplayName, email = pilot.Email, pilot = true })).StatusCode);
        var (_, partner) = await Identities.PartnerSystemAsync();
        var lastName = "Koenig" + Guid.NewGuid().ToString("N")[..6];
        var marker = "Zq" + new string([.. Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(8)]);
        var email = $"vivier.navigateur.{Guid.NewGuid():N}@exemple.fr";
        using var created = await Identities.SendAsync(HttpMethod.Post, "/api/candidates/v1/dossiers", partner, Dossier(email, lastName));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dossier").GetProperty("id").GetGuid();

        var pilotToken = (await Identities.LoginAsync(pilot)).AccessToken;
        var url = $"/api/candidates/commission/dossiers/{id}";
        foreach (var to in new[] { "in_analysis", "advice_interview_planned", "employable" })
        {
            Assert.Equal(HttpStatusCode.OK, (await Identities.SendAsync(HttpMethod.Post, $"{url}/transitions", pilotToken, new { to, reason = "Commission du 3 décembre." })).StatusCode);
        }

        using var published = await Identities.SendAsync(HttpMethod.Post, $"{url}/publication", pilotToken,
            new { summary = $"Dix ans de logistique puis une reconversion vers le développement {marker} en Python." });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        // A company the association registers, and its recruiter: the pool answers once Candidates knows it as a member.
        var company = await Identities.CreateOrganisationAsync(admin, "Entreprise");
        var recruiter = await Identities.CreatePersonAsync(company, NegeRoles.Recruiter);
        var recruiterToken = (await Identities.LoginAsync(recruiter)).AccessToken;
        await Eventually.ValueAsync(async () =>
        {
            using var response = await Identities.SendAsync(HttpMethod.Get, $"{Pool}?q={marker}", recruiterToken);
            return response.StatusCode == HttpStatusCode.OK ? "" : null;
        }, TimeSpan.FromSeconds(30), "the recruiter's company known as a member by the pool");

        // In the browser: the search without accents, the card, « Je suis intéressé ».
        var gateway = system.GatewayUrl;
        var page = await LogInAsync(gateway, recruiter.Email, recruiter.Password);
        await page.GotoAsync($"{gateway}/espace-membre/vivier");
        await page.GetByLabel("Rechercher", new() { Exact = true }).FillAsync($"developpement {marker}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher", Exact = true }).ClickAsync();
        var card = page.Locator("article.fiche");
        await Assertions.Expect(card).ToHaveCountAsync(1);
        await Assertions.Expect(card.Locator("mark").First).ToBeVisibleAsync();
        await Assertions.Expect(card).Not.ToContainTextAsync(lastName);
        await card.GetByRole(AriaRole.Link, new() { Name = "Rosalie", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Rosalie");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(lastName);

        await page.GetByLabel("Votre message au candidat").FillAsync("Nous recrutons un développeur Python à Mulhouse : pouvons-nous échanger ?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Je suis intéressé" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre intérêt est enregistré");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("En attente");
        var interestId = Guid.Parse(InterestInAddress().Match(page.Url).Groups["id"].Value);

        // The candidate told the pilot they agree: the pilot records it.
        using var answered = await Identities.SendAsync(HttpMethod.Post, $"/api/candidates/commission/interests/{interestId}/answer", pilotToken, new { agreed = true });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        // « Mes intérêts » → the interest: the candidate's contact, and the follow-up sheet.
        await page.GetByRole(AriaRole.Link, new() { Name = "Mes intérêts" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Voir l'intérêt pour Rosalie" }).ClickAsync();
        var main = page.Locator("main");
        await Assertions.Expect(main).ToContainTextAsync(lastName);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = email })).ToHaveAttributeAsync("href", $"mailto:{email}");
        var sheet = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Fiche de suivi" }) });
        await Assertions.Expect(sheet).ToContainTextAsync("Recrutement en cours");

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByLabel("Type de ligne").SelectOptionAsync(new SelectOptionValue { Label = "Entretien" });
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync(today);
        await page.GetByLabel("Type d'entretien").SelectOptionAsync("Sur site");
        await page.GetByLabel("Compte rendu ou proposition").FillAsync("Entretien technique réussi.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter à la fiche de suivi" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("La ligne est ajoutée à la fiche de suivi.");
        var lines = sheet.Locator("table.suivi tbody tr");
        await Assertions.Expect(lines).ToHaveCountAsync(1);
        await Assertions.Expect(lines.Nth(0)).ToContainTextAsync(new Regex("Entretien\\s*Sur site — Entretien technique réussi."));

        var start = DateTime.UtcNow.AddDays(15);
        await page.GetByLabel("Type de ligne").SelectOptionAsync(new SelectOptionValue { Label = "Recrutement" });
        await page.GetByLabel("Type de contrat").SelectOptionAsync("CDI");
        await page.GetByLabel("Date d'embauche").FillAsync(start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter à la fiche de suivi" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("La ligne est ajoutée à la fiche de suivi.");
        await Assertions.Expect(sheet).ToContainTextAsync("Candidat recruté");
        await Assertions.Expect(lines).ToHaveCountAsync(2);
        await Assertions.Expect(lines.Nth(1)).ToContainTextAsync($"CDI, embauche le {start:dd/MM/yyyy}");
        // Closed: no more form.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ajouter à la fiche de suivi" })).ToHaveCountAsync(0);

        var status = await (await Identities.SendAsync(HttpMethod.Get, $"/api/candidates/v1/dossiers/{id}", partner)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("hired", status.GetProperty("status").GetProperty("code").GetString());
    }

    [GeneratedRegex("/espace-membre/vivier/interets/(?<id>[0-9a-f-]{36})")]
    private static partial Regex InterestInAddress();

    private static object Dossier(string email, string lastName) => new
    {
        identification = new
        {
            firstName = "Rosalie",
            lastName,
            partnerReference = "ALS-" + Guid.NewGuid().ToString("N")[..6],
            address = new { street = "8 rue du Sauvage", postalCode = "68100", city = "Mulhouse" },
            email,
            phone = "03 89 12 34 56",
            birthDate = "1985-04-20",
        },
        context = new { situations = new[] { "Personne en reconversion professionnelle" } },
        profile = new
        {
            skills = new[] { new { kind = "Technique", name = "Python", level = "Pratique" } },
            qualificationLevel = "Niveau 5 (bac+2 : BTS, DUT)",
        },
        project = new { targetJobs = new[] { "Développeur Python" }, contractTypes = new[] { "CDI" } },
        consent = new { noticeVersion = "2026-12", talentPool = true },
    };
}
