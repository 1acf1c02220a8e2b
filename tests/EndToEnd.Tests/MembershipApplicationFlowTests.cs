using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Nege.Testing;

namespace EndToEnd.Tests;

/// <summary>
/// « Devenir adhérent » through the gateway only, as the site drives it: part 1, the e-mailed link,
/// part 2, submission (the president's e-mail and the applicant's copy), the board's decision (the
/// applicant's e-mail), then the new referent invites a colleague who logs in.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class MembershipApplicationFlowTests(RunningSystem system)
{
    public const string PresidentEmail = "president@numeric-emploi-grand-est.test";
    private const string KeyHeader = "Nege-Application-Key";
    private static readonly TimeSpan MailTimeout = Identities.MailTimeout;

    /// <summary>A valid 1×1 PNG: a photo and a logo small enough for every limit.</summary>
    public const string TinyPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    [Fact]
    public async Task An_organisation_applies_the_board_accepts_and_the_referent_invites_a_colleague_who_logs_in()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var email = $"referente-{suffix}@numerique-exemple.fr";
        var organisationName = $"Numérique Exemple {suffix}";

        // Part 1: the referent's account and the draft.
        var created = await system.Gateway.PostAsJsonAsync("/api/membership/application-drafts", new
        {
            email, userName = $"referente.{suffix}", civility = "Madame", lastName = "Lorrain", firstName = "Anne", function = "DRH",
            photo = TinyPng, mobilePhone = "06 12 34 56 78", landlinePhone = "03 88 12 34 56",
            workplace = new { siteName = "Siège", zone = "Alsace : Bas-Rhin (67)", address = "1 place Kléber", postalCode = "67000", city = "Strasbourg" },
            notificationCategories = new[] { "Evénement public", "Vie de l'association" },
            consent = true,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var draft = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = draft.GetProperty("id").GetGuid();
        var key = draft.GetProperty("key").GetString()!;
        Assert.Equal("+33612345678", draft.GetProperty("referent").GetProperty("mobilePhone").GetString());

        // The e-mail lets the referent confirm the address and choose a password.
        var opened = await system.Sink.WaitForAsync(e => e.To.Any(to => to.Address == email), MailTimeout, "the applicant's account e-mail");
        var password = $"Quiche-Lorraine-{suffix}";
        var set = await system.Gateway.PostAsJsonAsync("/api/membership/password-resets", new { token = Identities.TokenIn(Identities.LinkIn(opened)), password });
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);

        // Part 2, saved as a draft with the key, then submitted.
        var saved = await WithKey(HttpMethod.Put, $"/api/membership/application-drafts/{id}/organisation", key, new
        {
            name = organisationName, category = "Entreprise", regionalHeadOffice = "Strasbourg", logo = TinyPng,
            presentation = "<p>Éditeur <strong>régional</strong></p><script>alert('x')</script>", website = "https://numerique-exemple.fr",
            digitalSector = true, companyType = "PME : 10-250 personnes", mainActivities = new[] { "ESN - Agence Web" },
            siteDepartements = new[] { "Alsace : Bas-Rhin (67)" }, interventionDepartements = new[] { "Alsace : Bas-Rhin (67)", "Lorraine : Moselle (57)" },
            perimeter = new { alsace = 12, champagneArdenne = 0, lorraine = 3 },
            commitments = new { delegation = true, statutes = true },
        });
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var savedView = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain("script", savedView.GetProperty("organisation").GetProperty("presentation").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(savedView.GetProperty("missing").EnumerateObject());

        var submitted = await WithKey(HttpMethod.Post, $"/api/membership/application-drafts/{id}/submission", key, null);
        Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());

        var toPresident = await system.Sink.WaitForAsync(
            e => e.To.Any(to => to.Address == PresidentEmail) && (e.Text ?? "").Contains(organisationName, StringComparison.Ordinal),
            MailTimeout, "the president's e-mail");
        Assert.Contains($"/espace-membre/adhesions/{id}", toPresident.Text, StringComparison.Ordinal);
        var copy = await system.Sink.WaitForAsync(
            e => e.To.Any(to => to.Address == email) && e.Subject.Contains("bien été reçue", StringComparison.Ordinal), MailTimeout, "the applicant's copy");
        Assert.Contains("Adhésion pour l'Alsace", copy.Text, StringComparison.Ordinal);
        Assert.Contains("ESN - Agence Web", copy.Text, StringComparison.Ordinal);

        // The board decides.
        var board = await system.Identities.CreatePersonAsync("board");
        var boardToken = (await system.Identities.LoginAsync(board)).AccessToken;
        var list = await system.Identities.SendAsync(HttpMethod.Get, "/api/membership/applications?status=submitted&pageSize=100", boardToken);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var item = (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
            .Single(a => a.GetProperty("id").GetGuid() == id);
        Assert.Equal(15, item.GetProperty("daysLeft").GetInt32());
        Assert.False(item.GetProperty("overdue").GetBoolean());

        var meeting = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var decided = await system.Identities.SendAsync(HttpMethod.Post, $"/api/membership/applications/{id}/decision", boardToken,
            new { decision = "accepted", boardMeetingDate = meeting });
        Assert.True(decided.StatusCode == HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        var decision = await system.Sink.WaitForAsync(
            e => e.To.Any(to => to.Address == email) && (e.Text ?? "").Contains("Président", StringComparison.Ordinal)
                 && !e.Subject.Contains("bien été reçue", StringComparison.Ordinal),
            MailTimeout, "the president's decision");
        Assert.Contains(organisationName, decision.Text, StringComparison.Ordinal);

        // The new referent logs in, sees the organisation's card and invites a colleague.
        var referent = new Person(draft.GetProperty("referent").GetProperty("accountId").GetGuid(), email, $"referente.{suffix}", password, "Anne Lorrain");
        var referentToken = await system.Identities.LoginAsync(referent);
        Assert.Contains("referent", Roles(referentToken));
        var card = await system.Identities.SendAsync(HttpMethod.Get, "/api/membership/organisations/mine", referentToken.AccessToken);
        Assert.Equal(organisationName, (await card.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());

        var colleagueEmail = $"recruteur-{suffix}@numerique-exemple.fr";
        var invited = await system.Identities.SendAsync(HttpMethod.Post, "/api/membership/organisations/mine/colleagues", referentToken.AccessToken,
            new { email = colleagueEmail, userName = $"recruteur.{suffix}", civility = "Monsieur", lastName = "Vosgien", firstName = "Paul", function = "Chargé de recrutement" });
        Assert.True(invited.StatusCode == HttpStatusCode.Created, await invited.Content.ReadAsStringAsync());
        var invitation = await system.Sink.WaitForAsync(
            e => e.Subject == Identities.InvitationSubject && e.To.Any(to => to.Address == colleagueEmail), MailTimeout, "the colleague's invitation");
        var colleaguePassword = $"Mirabelle-{suffix}-Metz";
        var colleagueSet = await system.Gateway.PostAsJsonAsync("/api/membership/password-resets",
            new { token = Identities.TokenIn(Identities.LinkIn(invitation)), password = colleaguePassword });
        Assert.Equal(HttpStatusCode.NoContent, colleagueSet.StatusCode);

        var colleague = new Person((await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accountId").GetGuid(),
            colleagueEmail, $"recruteur.{suffix}", colleaguePassword, "Paul Vosgien");
        var colleagueToken = await system.Identities.LoginAsync(colleague);
        Assert.Contains("recruiter", Roles(colleagueToken));
        Assert.Equal(HttpStatusCode.OK, card.StatusCode);

        // Billing: the new member's fee call arrives with its PDF (12 + 3 staff on the perimeter: band 10 à 24, 384 €).
        var callEmail = await system.Sink.WaitForAsync(
            e => e.To.Any(to => to.Address == email) && e.Subject.StartsWith("Appel de cotisation", StringComparison.Ordinal), MailTimeout, "the fee call e-mail");
        var callPdf = Assert.Single(await system.Sink.ReadAttachmentsAsync(callEmail));
        Assert.Equal("application/pdf", callPdf.ContentType);
        var callText = await PdfText.OfAsync(callPdf.Content);
        Assert.Contains(organisationName, callText, StringComparison.Ordinal);
        Assert.Contains("10 à 24", callText, StringComparison.Ordinal);
        Assert.Contains("384 €", callText, StringComparison.Ordinal);
        Assert.Contains("TVA non applicable, art. 261-7-1° du CGI", callText, StringComparison.Ordinal);

        var mine = await system.Identities.SendAsync(HttpMethod.Get, "/api/billing/me/calls", referentToken.AccessToken);
        var call = Assert.Single((await mine.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        var callNumber = call.GetProperty("number").GetString()!;
        Assert.Contains(callNumber, callEmail.Subject, StringComparison.Ordinal);
        Assert.Equal(38400, call.GetProperty("amountCents").GetInt64());

        // The treasurer records the payment in two parts; the second makes the receipt, e-mailed with its PDF.
        var treasurer = await system.Identities.CreatePersonAsync("treasurer");
        var treasurerToken = (await system.Identities.LoginAsync(treasurer)).AccessToken;
        var callId = call.GetProperty("id").GetGuid();
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var over = await system.Identities.SendAsync(HttpMethod.Post, $"/api/billing/calls/{callId}/payments", treasurerToken,
            new { amountCents = 38401, paidOn = today, method = "transfer", reference = "VIR-TROP" });
        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        var part = await system.Identities.SendAsync(HttpMethod.Post, $"/api/billing/calls/{callId}/payments", treasurerToken,
            new { amountCents = 18400, paidOn = today, method = "cheque", reference = "Chèque 0001" });
        Assert.Equal(HttpStatusCode.Created, part.StatusCode);
        var rest = await system.Identities.SendAsync(HttpMethod.Post, $"/api/billing/calls/{callId}/payments", treasurerToken,
            new { amountCents = 20000, paidOn = today, method = "transfer", reference = "VIR-0002" });
        Assert.Equal(HttpStatusCode.Created, rest.StatusCode);
        var receiptNumber = (await rest.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetProperty("number").GetString()!;

        var receiptEmail = await system.Sink.WaitForAsync(
            e => e.To.Any(to => to.Address == email) && e.Subject.Contains(receiptNumber, StringComparison.Ordinal), MailTimeout, "the receipt e-mail");
        var receiptText = await PdfText.OfAsync(Assert.Single(await system.Sink.ReadAttachmentsAsync(receiptEmail)).Content);
        Assert.Contains($"Reçu de cotisation n° {receiptNumber}", receiptText, StringComparison.Ordinal);
        Assert.Contains("la somme de 384 €", receiptText, StringComparison.Ordinal);
        Assert.Contains(callNumber, receiptText, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadParts => new()
    {
        { """{"email":"{EMAIL}","userName":"x","civility":"Madame","lastName":"A","firstName":"B","consent":false}""", "consent", "Vous devez confirmer" },
        { """{"email":"{EMAIL}","userName":"mauvais<nom>","civility":"Madame","lastName":"A","firstName":"B","consent":true}""", "userName", "Le nom d'utilisateur ne peut contenir" },
        { """{"email":"{EMAIL}","userName":"x{SUFFIX}","civility":"Madame","lastName":"A","firstName":"B","mobilePhone":"123","consent":true}""", "mobilePhone", "n'est pas un numéro valide" },
        { """{"email":"{EMAIL}","userName":"x{SUFFIX}","civility":"Madame","lastName":"A","firstName":"B","photo":"SGVsbG8gdGV4dGU=","consent":true}""", "photo", "doit être une image PNG, JPEG ou GIF" },
        { """{"email":"{EMAIL}","userName":"x{SUFFIX}","civility":"Madame","lastName":"A","firstName":"B","workplace":{"zone":"Paris","postalCode":"6700"},"consent":true}""", "workplace.postalCode", "5 chiffres" },
        { """{"email":"{EMAIL}","userName":"x{SUFFIX}","civility":"Madame","lastName":"A","firstName":"B","consent":true,"role":"admin"}""", "role", "Ce champ n'est pas attendu." },
    };

    [Theory]
    [MemberData(nameof(BadParts))]
    public async Task A_bad_part_1_through_the_gateway_gets_French_field_messages_and_writes_nothing(string template, string field, string message)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var email = $"refuse-{suffix}@entreprise-exemple.fr";
        var before = await CountAsync();

        var response = await system.Gateway.PostAsync("/api/membership/application-drafts", new StringContent(
            template.Replace("{EMAIL}", email, StringComparison.Ordinal).Replace("{SUFFIX}", suffix, StringComparison.Ordinal), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(problem.GetProperty("errors").GetProperty(field).EnumerateArray(), m => m.GetString()!.Contains(message, StringComparison.Ordinal));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_draft_does_not_open_without_its_key()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var created = await system.Gateway.PostAsJsonAsync("/api/membership/application-drafts", new
        {
            email = $"cle-{suffix}@entreprise-exemple.fr", userName = $"cle.{suffix}", civility = "Monsieur", lastName = "Ardennais", firstName = "Luc", consent = true,
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await system.Gateway.GetAsync($"/api/membership/application-drafts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await WithKey(HttpMethod.Get, $"/api/membership/application-drafts/{id}", "pas-la-bonne-cle", null)).StatusCode);
        var submitted = await WithKey(HttpMethod.Post, $"/api/membership/application-drafts/{id}/submission", "pas-la-bonne-cle", null);
        Assert.Equal(HttpStatusCode.NotFound, submitted.StatusCode);
    }

    private async Task<HttpResponseMessage> WithKey(HttpMethod method, string path, string key, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add(KeyHeader, key);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await system.Gateway.SendAsync(request);
    }

    private static IReadOnlyList<string> Roles(TokenSet tokens) =>
        tokens.AccessClaims.TryGetProperty("role", out var role)
            ? role.ValueKind == JsonValueKind.Array ? [.. role.EnumerateArray().Select(r => r.GetString()!)] : [role.GetString()!]
            : [];

    private async Task<long> CountAsync()
    {
        await using var connection = new NpgsqlConnection(system.MembershipDatabase);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM membership_applications) + (SELECT count(*) FROM accounts) + (SELECT count(*) FROM images) + (SELECT count(*) FROM outbox_messages)", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
