using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nege.ServiceDefaults.Security;
using Nege.Testing;

namespace EndToEnd.Tests;

/// <summary>The talent pool through the gateway only: a pilot publishes, a member company's recruiter finds the pseudonymous card.</summary>
[Collection(SystemCollection.Name)]
public sealed class TalentPoolTests(RunningSystem system)
{
    private const string Pool = "/api/candidates/pool/cards";

    private Identities Identities => system.Identities;

    [Fact]
    public async Task A_pilot_publishes_a_recruiter_finds_the_anonymous_card_without_accents_sees_the_contact_once_the_candidate_agrees_and_follows_up_to_the_hire()
    {
        var (admin, pilot, partner, id, cardId, email, lastName, marker, recruiter, recruiterToken) = await PublishedCandidateAsync();
        var search = await (await Identities.SendAsync(HttpMethod.Get, $"{Pool}?q=developpeur%20{marker}", recruiterToken)).Content.ReadAsStringAsync();

        var page = JsonDocument.Parse(search).RootElement;
        var hit = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(cardId, hit.GetProperty("card").GetProperty("id").GetGuid());
        Assert.Equal("Margaux", hit.GetProperty("card").GetProperty("firstName").GetString());
        Assert.Contains("<mark>", hit.GetProperty("snippet").GetString());
        var card = await (await Identities.SendAsync(HttpMethod.Get, $"{Pool}/{cardId}", recruiterToken)).Content.ReadAsStringAsync();
        foreach (var json in new[] { search, card })
        {
            foreach (var hidden in new[] { lastName, email, "03 88", "+33388", "rue du Dôme", "1988-11-02", "BOE", "ALS-4412", id.ToString() })
            {
                Assert.DoesNotContain(hidden, json, StringComparison.OrdinalIgnoreCase);
            }
        }

        // The recruiter records interest; the candidate, e-mailed a link of their own, agrees on the site's page.
        using var interested = await Identities.SendAsync(HttpMethod.Post, $"{Pool}/{cardId}/interests", recruiterToken,
            new { message = "Nous recrutons une développeuse .NET à Strasbourg : pouvons-nous échanger ?" });
        Assert.Equal(HttpStatusCode.Created, interested.StatusCode);
        var interestId = (await interested.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var interestUrl = $"/api/candidates/pool/interests/{interestId}";
        var before = await (await Identities.SendAsync(HttpMethod.Get, interestUrl, recruiterToken)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, before.GetProperty("contact").ValueKind);
        var asked = await system.Sink.WaitForAsync(e => e.To.Any(to => to.Address == email) && e.Subject?.Contains("souhaite vous contacter", StringComparison.Ordinal) == true,
            Identities.MailTimeout, "the candidate's e-mail asking for their agreement");
        await system.Sink.WaitForAsync(e => e.To.Any(to => to.Address == pilot.Email) && e.Subject?.Contains("est intéressé", StringComparison.Ordinal) == true,
            Identities.MailTimeout, "the pilot told of the company's interest");
        var link = Identities.LinkIn(asked);
        Assert.Contains("/candidats/interet?jeton=", link, StringComparison.Ordinal);
        using var browser = Identities.NewBrowser();
        var answerPage = await (await browser.GetAsync(link)).Content.ReadAsStringAsync();
        Assert.Contains("Nous recrutons une développeuse .NET à Strasbourg", BrowserSession.Text(answerPage), StringComparison.Ordinal);
        using var agreed = await browser.SubmitAsync(link, answerPage, ("agreed", "true"));
        Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);
        Assert.Contains("reçoit vos coordonnées", BrowserSession.Text(await agreed.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var after = await (await Identities.SendAsync(HttpMethod.Get, interestUrl, recruiterToken)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("agreed", after.GetProperty("status").GetString());
        Assert.Equal((lastName, email), (after.GetProperty("contact").GetProperty("lastName").GetString(), after.GetProperty("contact").GetProperty("email").GetString()));
        await system.Sink.WaitForAsync(e => e.To.Any(to => to.Address == recruiter.Email) && e.Subject?.Contains("accepte votre prise de contact", StringComparison.Ordinal) == true,
            Identities.MailTimeout, "the recruiter told of the candidate's agreement");
        var audit = await (await Identities.SendAsync(HttpMethod.Get, $"/api/candidates/personal-data-reads?dossierId={id}&pageSize=100", admin)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), r => r.GetProperty("what").GetString() == "contact" && r.GetProperty("accountId").GetGuid() == recruiter.Id);

        // The company fills its follow-up sheet up to the hire; the partner reads it and the dossier is « Recruté ».
        var sheetUrl = $"{interestUrl}/sheet/entries";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(HttpStatusCode.Created, (await Identities.SendAsync(HttpMethod.Post, sheetUrl, recruiterToken,
            new { kind = "interview", date = today, interviewKind = "Sur site", outcome = "Entretien technique réussi." })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Identities.SendAsync(HttpMethod.Post, sheetUrl, recruiterToken,
            new { kind = "hire", date = today, contractType = "CDI", startDate = today.AddDays(15) })).StatusCode);
        var sheets = await (await Identities.SendAsync(HttpMethod.Get, $"/api/candidates/v1/dossiers/{id}/follow-ups", partner)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("hired", Assert.Single(sheets.EnumerateArray()).GetProperty("status").GetString());
        var status = await (await Identities.SendAsync(HttpMethod.Get, $"/api/candidates/v1/dossiers/{id}", partner)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("hired", status.GetProperty("status").GetProperty("code").GetString());

        // Someone of no member organisation is refused, and so is a partner's system.
        var unattached = await Identities.CreatePersonAsync(NegeRoles.Recruiter);
        using var refused = await Identities.SendAsync(HttpMethod.Get, $"{Pool}?q={marker}", (await Identities.LoginAsync(unattached)).AccessToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Identities.SendAsync(HttpMethod.Get, $"{Pool}?q={marker}", partner)).StatusCode);
    }

    [Fact]
    public async Task The_candidate_attaches_the_dossier_with_the_emailed_code_reads_exports_withdraws_the_pool_consent_corrects_reports_and_has_it_erased_on_request()
    {
        var published = await PublishedCandidateAsync();
        Assert.Equal(1, (await (await Identities.SendAsync(HttpMethod.Get, $"{Pool}?q={published.Marker}", published.RecruiterToken)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32());

        // The candidate has an account of their own and asks for their dossier with its address; the code comes there.
        var candidate = await Identities.CreatePersonAsync();
        var token = (await Identities.LoginAsync(candidate)).AccessToken;
        Assert.Equal(HttpStatusCode.Accepted, (await Identities.SendAsync(HttpMethod.Post, "/api/candidates/me/attachment", token, new { email = published.Email })).StatusCode);
        var codeEmail = await system.Sink.WaitForAsync(e => e.To.Any(to => to.Address == published.Email) && e.Subject?.StartsWith("Votre code de rattachement", StringComparison.Ordinal) == true,
            Identities.MailTimeout, "the attachment code sent to the dossier's address");
        var code = System.Text.RegularExpressions.Regex.Match(codeEmail.Subject!, @"\d{6}").Value;
        Assert.Equal(HttpStatusCode.OK, (await Identities.SendAsync(HttpMethod.Post, "/api/candidates/me/attachment/confirmation", token, new { code })).StatusCode);

        var dossier = await (await Identities.SendAsync(HttpMethod.Get, "/api/candidates/me/dossier", token)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(published.LastName, dossier.GetProperty("content").GetProperty("identification").GetProperty("lastName").GetString());
        Assert.Equal("2026-12", dossier.GetProperty("noticeVersion").GetString());
        Assert.Equal(published.CardId, dossier.GetProperty("card").GetProperty("id").GetGuid());
        using var json = await Identities.SendAsync(HttpMethod.Get, "/api/candidates/me/dossier/export.json", token);
        Assert.Equal("attachment", json.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(published.DossierId, (await json.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        using var pdf = await Identities.SendAsync(HttpMethod.Get, "/api/candidates/me/dossier/export.pdf", token);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Join("\n", document.GetPages().Select(p => p.Text));
            Assert.Contains(published.LastName, text, StringComparison.Ordinal);
            Assert.Contains("Développeuse .NET", text, StringComparison.Ordinal);
        }

        using var withdrawn = await Identities.SendAsync(HttpMethod.Post, "/api/candidates/me/consents", token, new { kind = "talent_pool", given = false });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(0, (await (await Identities.SendAsync(HttpMethod.Get, $"{Pool}?q={published.Marker}", published.RecruiterToken)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await Identities.SendAsync(HttpMethod.Get, $"{Pool}/{published.CardId}", published.RecruiterToken)).StatusCode);

        // Membership gave the account the role « candidate » when the dossier was attached.
        async Task<bool> IsCandidateAsync()
        {
            var account = await (await Identities.SendAsync(HttpMethod.Get, $"/api/membership/accounts/{candidate.Id}", published.Admin)).Content.ReadFromJsonAsync<JsonElement>();
            return account.GetProperty("account").GetProperty("roles").EnumerateArray().Any(r => r.GetString() == NegeRoles.Candidate);
        }

        await Eventually.UntilAsync(IsCandidateAsync, TimeSpan.FromSeconds(30), "the role « candidate » given");

        // The candidate corrects their phone: the partner reads it, the pilot is told.
        var identification = dossier.GetProperty("content").GetProperty("identification");
        using var rectified = await Identities.SendAsync(HttpMethod.Put, "/api/candidates/me/dossier", token, new
        {
            identification = new
            {
                firstName = identification.GetProperty("firstName").GetString(), lastName = published.LastName, partnerReference = "ALS-4412",
                address = new { street = "8 rue du Dôme", postalCode = "67000", city = "Strasbourg" }, email = published.Email, phone = "06 22 33 44 55", birthDate = "1988-11-02",
            },
        });
        Assert.Equal(HttpStatusCode.OK, rectified.StatusCode);
        var partnerView = await (await Identities.SendAsync(HttpMethod.Get, $"/api/candidates/v1/dossiers/{published.DossierId}", published.Partner)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("+33622334455", partnerView.GetProperty("content").GetProperty("identification").GetProperty("phone").GetString());
        await system.Sink.WaitForAsync(e => e.To.Any(to => to.Address == published.Pilot.Email) && e.Subject?.Contains("a corrigé son dossier", StringComparison.Ordinal) == true,
            Identities.MailTimeout, "the pilot told of the correction");

        // One click: an interview; the pilot is told.
        Assert.Equal(HttpStatusCode.Created, (await Identities.SendAsync(HttpMethod.Post, "/api/candidates/me/commitments", token, new { kind = "interview", details = "Entretien le 14." })).StatusCode);
        await system.Sink.WaitForAsync(e => e.To.Any(to => to.Address == published.Pilot.Email) && e.Subject?.Contains("Je participe à des entretiens", StringComparison.Ordinal) == true,
            Identities.MailTimeout, "the pilot told of the interview");

        // The candidate asks for the erasure; the pilot accepts it: the dossier is gone everywhere, the candidate is told.
        using var asked = await Identities.SendAsync(HttpMethod.Post, "/api/candidates/me/requests", token, new { kind = "erasure", reason = "J'ai trouvé un emploi." });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var requestId = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await system.Sink.WaitForAsync(e => e.To.Any(to => to.Address == published.Pilot.Email) && e.Subject?.StartsWith("Demande d'un candidat", StringComparison.Ordinal) == true,
            Identities.MailTimeout, "the pilot told of the request");
        var pilotToken = (await Identities.LoginAsync(published.Pilot)).AccessToken;
        var queue = await (await Identities.SendAsync(HttpMethod.Get, "/api/candidates/commission/requests?pageSize=100", pilotToken)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), r => r.GetProperty("request").GetProperty("id").GetGuid() == requestId);
        Assert.Equal(HttpStatusCode.OK, (await Identities.SendAsync(HttpMethod.Post, $"/api/candidates/commission/requests/{requestId}/answer", pilotToken,
            new { decision = "accepted", message = "Bonne continuation !" })).StatusCode);
        await system.Sink.WaitForAsync(e => e.To.Any(to => to.Address == published.Email) && e.Subject == "Votre dossier est supprimé",
            Identities.MailTimeout, "the candidate told their dossier is erased");
        Assert.Equal(HttpStatusCode.NotFound, (await Identities.SendAsync(HttpMethod.Get, "/api/candidates/me/dossier", token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Identities.SendAsync(HttpMethod.Get, $"/api/candidates/v1/dossiers/{published.DossierId}", published.Partner)).StatusCode);
        await Eventually.UntilAsync(async () => !await IsCandidateAsync(), TimeSpan.FromSeconds(30), "the role « candidate » withdrawn");
    }


    private sealed record Published(
        string Admin, Person Pilot, string Partner, Guid DossierId, Guid CardId, string Email, string LastName, string Marker, Person Recruiter, string RecruiterToken);

    /// <summary>A partner's dossier qualified and published by the pilot of Alsace, and a registered company's recruiter whom the pool lets in.</summary>
    private async Task<Published> PublishedCandidateAsync()
    {
        var admin = await Identities.AdminTokenAsync();
        var pilot = await Identities.CreatePersonAsync(NegeRoles.Commission);
        Assert.Equal(HttpStatusCode.OK, (await Identities.SendAsync(HttpMethod.Put, $"/api/candidates/territories/Alsace/members/{pilot.Id}", admin,
            new { displayName = pilot.DisplayName, email = pilot.Email, pilot = true })).StatusCode);
        var (_, partner) = await Identities.PartnerSystemAsync();
        var lastName = "Wurtz" + Guid.NewGuid().ToString("N")[..6];
        var marker = "Zq" + new string([.. Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(8)]);
        var email = $"vivier.{Guid.NewGuid():N}@exemple.fr";
        var created = await Identities.SendAsync(HttpMethod.Post, "/api/candidates/v1/dossiers", partner, Dossier(email, lastName));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dossier").GetProperty("id").GetGuid();

        var pilotToken = (await Identities.LoginAsync(pilot)).AccessToken;
        var url = $"/api/candidates/commission/dossiers/{id}";
        foreach (var to in new[] { "in_analysis", "advice_interview_planned", "employable" })
        {
            Assert.Equal(HttpStatusCode.OK, (await Identities.SendAsync(HttpMethod.Post, $"{url}/transitions", pilotToken, new { to, reason = "Commission du 3 décembre." })).StatusCode);
        }

        using var published = await Identities.SendAsync(HttpMethod.Post, $"{url}/publication", pilotToken,
            new { summary = $"Trois ans d'intégration web puis une reconversion vers le développement {marker} en C#." });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var cardId = (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // A company the association registers is a member: Candidates learns it from Membership's event.
        var company = await Identities.CreateOrganisationAsync(admin, "Entreprise");
        var recruiter = await Identities.CreatePersonAsync(company, NegeRoles.Recruiter);
        var recruiterToken = (await Identities.LoginAsync(recruiter)).AccessToken;
        await Eventually.ValueAsync(async () =>
        {
            var response = await Identities.SendAsync(HttpMethod.Get, $"{Pool}?q=developpeur%20{marker}", recruiterToken);
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
        }, TimeSpan.FromSeconds(30), "the recruiter's company known as a member and the search answered");

        return new Published(admin, pilot, partner, id, cardId, email, lastName, marker, recruiter, recruiterToken);
    }

    private static object Dossier(string email, string lastName) => new
    {
        identification = new
        {
            firstName = "Margaux",
            lastName,
            partnerReference = "ALS-4412",
            address = new { street = "5 rue du Dôme", postalCode = "67000", city = "Strasbourg" },
            email,
            phone = "03 88 12 34 56",
            birthDate = "1988-11-02",
        },
        context = new { situations = new[] { "Bénéficiaire de l'obligation d'emploi (RQTH/BOE)" } },
        profile = new
        {
            skills = new[] { new { kind = "Technique", name = "C#", level = "Pratique" } },
            qualificationLevel = "Niveau 5 (bac+2 : BTS, DUT)",
        },
        project = new { targetJobs = new[] { "Développeuse .NET" }, contractTypes = new[] { "CDI" } },
        consent = new { noticeVersion = "2026-12", talentPool = true },
    };
}
