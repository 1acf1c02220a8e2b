using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Nege.ServiceDefaults.Security;
using Nege.Testing;

namespace EndToEnd.Tests;

/// <summary>Employment partners' systems send candidates' dossiers through the gateway only, as they would.</summary>
[Collection(SystemCollection.Name)]
public sealed class DossierIntakeTests(RunningSystem system)
{
    private const string Dossiers = "/api/candidates/v1/dossiers";

    private Identities Identities => system.Identities;

    [Fact]
    public async Task A_partner_submits_a_dossier_the_candidate_is_informed_and_a_second_partner_is_linked()
    {
        var (_, firstPartner) = await Identities.PartnerSystemAsync();
        var (_, secondPartner) = await Identities.PartnerSystemAsync();
        var email = $"candidat.{Guid.NewGuid():N}@exemple.fr";

        var created = await Identities.SendAsync(HttpMethod.Post, Dossiers, firstPartner, Dossier(email, "Muller"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var intake = await created.Content.ReadFromJsonAsync<JsonElement>();
        var dossier = intake.GetProperty("dossier");
        var id = dossier.GetProperty("id").GetGuid();
        var number = dossier.GetProperty("number").GetString()!;
        Assert.Equal("Lorraine", dossier.GetProperty("territory").GetString());
        Assert.Equal("+33387123456", dossier.GetProperty("content").GetProperty("identification").GetProperty("phone").GetString());

        // GDPR article 14: the candidate is told, with the notice they were informed of.
        var information = await system.Sink.WaitForAsync(
            e => e.To.Any(to => to.Address == email), Identities.MailTimeout, "the candidate's information e-mail");
        Assert.Equal("Votre dossier de candidat a été transmis à Numéric'Emploi Grand Est", information.Subject);
        Assert.Contains(number, information.Text, StringComparison.Ordinal);
        Assert.Contains($"{system.GatewayUrl}/candidats/donnees-personnelles/2026-12", information.Text, StringComparison.Ordinal);
        var notice = await system.Gateway.GetAsync($"{system.GatewayUrl}/candidats/donnees-personnelles/2026-12");
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        Assert.Contains("36 mois", await notice.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The same person from another agency: linked, not doubled, and the follower sees no contents.
        var linked = await Identities.SendAsync(HttpMethod.Post, Dossiers, secondPartner, Dossier(email.ToUpperInvariant(), "MULLER"));
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        var follower = (await linked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dossier");
        Assert.Equal((id, "follower"), (follower.GetProperty("id").GetGuid(), follower.GetProperty("relation").GetString()));
        Assert.Equal(JsonValueKind.Null, follower.GetProperty("content").ValueKind);

        // Each partner follows it by polling, and only its own dossiers are listed.
        var firstList = await (await Identities.SendAsync(HttpMethod.Get, $"{Dossiers}?pageSize=100", firstPartner)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(firstList.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);
        var (_, stranger) = await Identities.PartnerSystemAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await Identities.SendAsync(HttpMethod.Get, $"{Dossiers}/{id}", stranger)).StatusCode);
        var history = await (await Identities.SendAsync(HttpMethod.Get, $"{Dossiers}/{id}/history", secondPartner)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("submitted", Assert.Single(history.EnumerateArray()).GetProperty("to").GetString());

        // A person's token is not a partner system's, and no token is refused at the gateway.
        Assert.Equal(HttpStatusCode.Forbidden, (await Identities.SendAsync(HttpMethod.Get, Dossiers, await Identities.AdminTokenAsync())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Identities.SendAsync(HttpMethod.Post, Dossiers, null, Dossier(email, "Muller"))).StatusCode);
    }

    [Fact]
    public async Task The_territorys_commission_qualifies_the_dossier_and_the_partners_webhook_receives_the_signed_change()
    {
        var admin = await Identities.AdminTokenAsync();
        var member = await Identities.CreatePersonAsync(NegeRoles.Commission);
        var pilot = await Identities.CreatePersonAsync(NegeRoles.Commission);
        foreach (var (person, isPilot) in new[] { (member, false), (pilot, true) })
        {
            var put = await Identities.SendAsync(HttpMethod.Put, $"/api/candidates/territories/Lorraine/members/{person.Id}", admin,
                new { displayName = person.DisplayName, email = person.Email, pilot = isPilot });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using var receiver = new WebhookReceiver();
        var (_, partner) = await Identities.PartnerSystemAsync();
        var webhook = await (await Identities.SendAsync(HttpMethod.Put, "/api/candidates/v1/webhook", partner, new { url = receiver.Url }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var secret = webhook.GetProperty("secret").GetString()!;
        var email = $"qualifie.{Guid.NewGuid():N}@exemple.fr";
        var adviserEmail = $"conseillere.{Guid.NewGuid():N}@agence-exemple.fr";
        var created = await Identities.SendAsync(HttpMethod.Post, Dossiers, partner,
            Dossier(email, "Schmitt", new { name = "Nadia Conseillère", email = adviserEmail }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dossier").GetProperty("id").GetGuid();

        // The partner's system sends the CV; the commission reads it from the dossier's page.
        using var cv = await UploadAsync(partner, $"{Dossiers}/{id}/documents", "Curriculum Vitae", "cv-schmitt.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Created, cv.StatusCode);

        // The pilot of Lorraine is told of the new dossier, with its page in the extranet.
        var told = await system.Sink.WaitForAsync(
            e => e.To.Any(to => to.Address == pilot.Email) && e.Text?.Contains(id.ToString(), StringComparison.Ordinal) == true,
            Identities.MailTimeout, "the pilot's e-mail about the new dossier");
        Assert.StartsWith("Nouveau dossier D-", told.Subject, StringComparison.Ordinal);

        var memberToken = (await Identities.LoginAsync(member)).AccessToken;
        var pilotToken = (await Identities.LoginAsync(pilot)).AccessToken;
        var url = $"/api/candidates/commission/dossiers/{id}";
        Assert.Equal(HttpStatusCode.OK, (await Identities.SendAsync(HttpMethod.Post, $"{url}/transitions", memberToken, new { to = "in_analysis" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Identities.SendAsync(HttpMethod.Post, $"{url}/analyses", memberToken,
            new { kind = "cv_analysis", strengths = "Vingt ans de gestion de projet", text = "Profil solide." })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Identities.SendAsync(HttpMethod.Post, $"{url}/analyses", pilotToken,
            new { kind = "advice_interview", text = "Entretien conseil : projet clair." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Identities.SendAsync(HttpMethod.Post, $"{url}/transitions", pilotToken, new { to = "advice_interview_planned" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Identities.SendAsync(HttpMethod.Post, $"{url}/transitions", memberToken,
            new { to = "employable", reason = "Oui" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Identities.SendAsync(HttpMethod.Post, $"{url}/transitions", pilotToken,
            new { to = "employable", reason = "Qualifié employable par la commission Lorraine." })).StatusCode);

        var page = await (await Identities.SendAsync(HttpMethod.Get, url, pilotToken)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["submitted", "in_analysis", "advice_interview_planned", "employable"],
            page.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()));
        Assert.Equal([member.DisplayName, pilot.DisplayName], page.GetProperty("analyses").EnumerateArray().Select(a => a.GetProperty("author").GetString()));
        var document = Assert.Single(page.GetProperty("documents").EnumerateArray());
        Assert.Equal("cv-schmitt.pdf", document.GetProperty("fileName").GetString());
        var download = await Identities.SendAsync(HttpMethod.Get, $"{url}/documents/{document.GetProperty("id").GetGuid()}", memberToken);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        var audit = await (await Identities.SendAsync(HttpMethod.Get, $"/api/candidates/personal-data-reads?dossierId={id}&pageSize=100", admin)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            [(member.Id, "document"), (pilot.Id, "dossier")],
            audit.GetProperty("items").EnumerateArray().Select(r => (r.GetProperty("accountId").GetGuid(), r.GetProperty("what").GetString()!)).OrderBy(r => r.Item2));

        // The partner's adviser is told of each change by e-mail, with the dossier's page in the extranet.
        var qualified = await system.Sink.WaitForAsync(
            e => e.To.Any(to => to.Address == adviserEmail) && e.Subject.Contains("Qualifié employable", StringComparison.Ordinal),
            Identities.MailTimeout, "the adviser's e-mail about the qualification");
        Assert.Contains("Jonas Schmitt", qualified.Text, StringComparison.Ordinal);
        Assert.Contains("Motif : Qualifié employable par la commission Lorraine.", qualified.Text, StringComparison.Ordinal);
        Assert.Contains($"{system.GatewayUrl}/espace-membre/dossiers/{id}", qualified.Text, StringComparison.Ordinal);
        await Eventually.UntilAsync(
            async () => (await system.Sink.GetAllAsync()).Count(e => e.To.Any(to => to.Address == adviserEmail)) == 3,
            TimeSpan.FromSeconds(30), "one e-mail to the adviser per status change (three)");

        // The partner's system hears of each change, signed with its secret.
        await Eventually.UntilAsync(() => receiver.Accepted.Count >= 3, TimeSpan.FromSeconds(30), "three signed status changes at the partner's webhook");
        var changes = receiver.Accepted.Select(c => (Call: c, Body: JsonDocument.Parse(c.Body).RootElement)).ToList();
        Assert.Equal(["advice_interview_planned", "employable", "in_analysis"],
            changes.Select(c => c.Body.GetProperty("data").GetProperty("to").GetString()).Order(StringComparer.Ordinal));
        foreach (var (call, _) in changes)
        {
            var timestamp = call.Header("Nege-Timestamp")!;
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{call.Body}")));
            Assert.Equal(expected, call.Header("Nege-Signature"));
        }
    }

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public async Task A_partners_adviser_submits_in_the_extranets_api_adds_a_cv_and_sees_only_the_organisations_dossiers()
    {
        var (organisationId, partnerSystem) = await Identities.PartnerSystemAsync();
        var adviser = await Identities.CreatePersonAsync(organisationId, NegeRoles.EmploymentPartner);
        var token = (await Identities.LoginAsync(adviser)).AccessToken;
        var email = $"conseil.{Guid.NewGuid():N}@exemple.fr";
        const string Advisers = "/api/candidates/adviser/dossiers";

        var created = await Identities.SendAsync(HttpMethod.Post, Advisers, token, Dossier(email, "Lambert"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dossier = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dossier");
        var id = dossier.GetProperty("id").GetGuid();
        Assert.Equal(adviser.Email, dossier.GetProperty("adviser").GetProperty("email").GetString());
        using var cv = await UploadAsync(token, $"{Advisers}/{id}/documents", "Curriculum Vitae", "cv.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Created, cv.StatusCode);
        await system.Sink.WaitForAsync(e => e.To.Any(to => to.Address == email), Identities.MailTimeout, "the candidate's information e-mail");

        // The organisation's system sees what its adviser sent, and the adviser what the system sent.
        var bySystem = await Identities.SendAsync(HttpMethod.Post, Dossiers, partnerSystem, Dossier($"systeme.{Guid.NewGuid():N}@exemple.fr", "Girard"));
        var systemsId = (await bySystem.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dossier").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await Identities.SendAsync(HttpMethod.Get, $"{Dossiers}/{id}", partnerSystem)).StatusCode);
        var list = await (await Identities.SendAsync(HttpMethod.Get, $"{Advisers}?pageSize=100", token)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([id, systemsId], list.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).Order());

        // Another agency's dossier is not there, whatever its id; a person of no organisation is told why.
        var (_, stranger) = await Identities.PartnerSystemAsync();
        var theirs = await Identities.SendAsync(HttpMethod.Post, Dossiers, stranger, Dossier($"autre.{Guid.NewGuid():N}@exemple.fr", "Perrin"));
        var theirsId = (await theirs.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dossier").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await Identities.SendAsync(HttpMethod.Get, $"{Advisers}/{theirsId}", token)).StatusCode);
        var unattached = await Identities.CreatePersonAsync(NegeRoles.EmploymentPartner);
        var refused = await Identities.SendAsync(HttpMethod.Get, Advisers, (await Identities.LoginAsync(unattached)).AccessToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("rattaché à aucun organisme", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Reading the contents is audited under the adviser's name.
        Assert.Equal(HttpStatusCode.OK, (await Identities.SendAsync(HttpMethod.Get, $"{Advisers}/{id}", token)).StatusCode);
        var audit = await (await Identities.SendAsync(HttpMethod.Get, $"/api/candidates/personal-data-reads?dossierId={id}", await Identities.AdminTokenAsync()))
            .Content.ReadFromJsonAsync<JsonElement>();
        var read = Assert.Single(audit.GetProperty("items").EnumerateArray());
        Assert.Equal((adviser.Id, "dossier"), (read.GetProperty("accountId").GetGuid(), read.GetProperty("what").GetString()));
    }

    private async Task<HttpResponseMessage> UploadAsync(string accessToken, string path, string kind, string fileName, byte[] bytes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new MultipartFormDataContent { { new StringContent(kind, Encoding.UTF8), "kind" }, { new ByteArrayContent(bytes), "file", fileName } },
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        return await system.Gateway.SendAsync(request);
    }

    private static object Dossier(string email, string lastName, object? adviser = null) => new
    {
        adviser,
        identification = new
        {
            firstName = "Jonas",
            lastName,
            partnerReference = "APEC-778",
            address = new { street = "3 place Stanislas", postalCode = "57000", city = "Metz" },
            email,
            phone = "03 87 12 34 56",
            birthDate = "1971-03-08",
        },
        context = new { situations = new[] { "Senior", "Personne en reconversion professionnelle" } },
        profile = new
        {
            skills = new[] { new { kind = "Méthodologique", name = "Gestion de projet", level = "Expertise" } },
            qualificationLevel = "Niveau 7 (bac+5 : master, diplôme d'ingénieur)",
        },
        project = new { targetJobs = new[] { "Chef de projet informatique" }, contractTypes = new[] { "CDI" } },
        consent = new { noticeVersion = "2026-12" },
    };
}
