using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Site.Tests;

/// <summary>
/// The attachment confirmed by the pilot: « Je ne reçois pas le code » in the candidate's space (the dossier's number
/// to the pilot), and « Demandes de rattachement » on the commission's dossier page (« Confirmer » / « Refuser »).
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class PilotAttachmentPagesTests(SiteFixture site) : IDisposable
{
    private const string SpaceApi = "/api/candidates/me";

    private const string SpacePage = "/espace-membre/candidat";

    private const string PilotAnswer = "Si ce numéro correspond à un dossier en cours, le pilote de sa commission vérifiera qu'il est le vôtre et vous répondra par courriel.";

    private static readonly Guid DossierId = CommissionPagesTests.DossierId;

    private static readonly string DossierApi = $"/api/candidates/commission/dossiers/{DossierId}";

    private static readonly string DossierPage = $"/espace-membre/commission/dossiers/{DossierId}";

    private static readonly Guid Lea = Guid.Parse("0193a0b1-0000-7000-8000-0000000000e1");

    private static readonly Guid Marc = Guid.Parse("0193a0b1-0000-7000-8000-0000000000e2");

    public void Dispose() => site.Stub.Reset();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, params (string Name, string Value)[] fields)
    {
        var form = await (await client.GetAsync(path)).ReadPageAsync();
        return await client.PostAsync($"{path}?handler={handler}", new FormUrlEncodedContent(
            [KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(form)), .. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))]));
    }

    private static StubAnswer Problem(int status, string detail) => new(status, new { title = "Refusé.", status, detail });

    private static StubAnswer FieldErrors(Dictionary<string, string[]> errors) =>
        new(400, new { title = "One or more validation errors occurred.", status = 400, errors });

    // — « Je ne reçois pas le code » —

    /// <summary>No dossier attached; the pilot's request answered by <paramref name="ask"/>.</summary>
    private static Func<StubRequest, StubAnswer> NotAttachedAsking(Func<StubRequest, StubAnswer> ask) => request =>
        request.Method == "POST" && request.PathAndQuery == $"{SpaceApi}/attachment/pilot" ? ask(request) : CandidateSpacePagesTests.NotAttached();

    [Fact]
    public async Task Without_a_dossier_the_space_offers_to_ask_the_pilot_with_the_dossiers_number()
    {
        site.Stub.Api = NotAttachedAsking(_ => new StubAnswer(500));
        using var client = await site.SignInAsync("Léa Martin", []);

        var page = await (await client.GetAsync(SpacePage)).ReadPageAsync();

        Assert.Contains("<h2 id=\"sans-code\">Je ne reçois pas le code</h2>", page, StringComparison.Ordinal);
        Assert.Matches($"<form method=\"post\" class=\"demande-pilote\" aria-labelledby=\"sans-code\" action=\"{SpacePage}\\?handler=AskPilot\">", page);
        Assert.Contains("<label for=\"PilotAttachment_Number\">Numéro du dossier *</label>", page, StringComparison.Ordinal);
        Assert.Matches("<input type=\"text\" maxlength=\"20\" autocomplete=\"off\" required aria-describedby=\"PilotAttachment_Number-aide\" id=\"PilotAttachment_Number\" name=\"PilotAttachment.Number\"", page);
        Assert.Contains("Par exemple D-000123 : il figure dans le courriel reçu lors du dépôt de votre dossier.", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"PilotAttachment_Message\">Message au pilote (facultatif)</label>", page, StringComparison.Ordinal);
        Assert.Contains("Il vous contactera d'abord pour le vérifier", page, StringComparison.Ordinal);
        Assert.DoesNotContain(site.Stub.ApiRequests, request => request.Method == "POST");
    }

    [Fact]
    public async Task Asking_the_pilot_posts_the_number_and_the_message_then_shows_the_apis_answer_instead_of_the_form()
    {
        site.Stub.Api = NotAttachedAsking(_ => new StubAnswer(202, new { status = "pending_pilot", message = PilotAnswer, codeExpiresAt = (DateTimeOffset?)null }));
        using var client = await site.SignInAsync("Léa Martin", [], accessToken: "lea-token");

        var response = await PostAsync(client, SpacePage, "AskPilot",
            ("PilotAttachment.Number", " D-000123 "), ("PilotAttachment.Message", " Mon ancienne adresse chez Orange est fermée : 06 12 34 56 78. "));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = Assert.Single(site.Stub.ApiRequests, request => request.Method == "POST");
        Assert.Equal($"{SpaceApi}/attachment/pilot", post.PathAndQuery);
        Assert.Equal("Bearer lea-token", post.Authorization);
        using (var body = JsonDocument.Parse(post.Body))
        {
            Assert.Equal("D-000123", body.RootElement.GetProperty("number").GetString());
            Assert.Equal("Mon ancienne adresse chez Orange est fermée : 06 12 34 56 78.", body.RootElement.GetProperty("message").GetString());
        }

        var page = await response.ReadPageAsync();
        Assert.Contains($"<p class=\"notice\" role=\"status\">{PilotAnswer}</p>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=AskPilot", page, StringComparison.Ordinal);
        // The other ways to attach stay offered.
        Assert.Contains("Recevoir un code", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_without_a_message_sends_none()
    {
        site.Stub.Api = NotAttachedAsking(_ => new StubAnswer(202, new { status = "pending_pilot", message = PilotAnswer }));
        using var client = await site.SignInAsync("Léa Martin", []);

        await PostAsync(client, SpacePage, "AskPilot", ("PilotAttachment.Number", "D-000123"), ("PilotAttachment.Message", "   "));

        using var body = JsonDocument.Parse(Assert.Single(site.Stub.ApiRequests, request => request.Method == "POST").Body);
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("message").ValueKind);
    }

    [Fact]
    public async Task The_apis_messages_about_the_number_and_the_message_show_beside_them_with_what_was_typed()
    {
        const string NumberError = "Indiquez le numéro de votre dossier (par exemple D-000123) : il figure dans le courriel reçu lors de son dépôt.";
        const string MessageError = "Le message ne doit pas dépasser 2000 caractères.";
        site.Stub.Api = NotAttachedAsking(_ => FieldErrors(new() { ["number"] = [NumberError], ["message"] = [MessageError] }));
        using var client = await site.SignInAsync("Léa Martin", []);

        var response = await PostAsync(client, SpacePage, "AskPilot", ("PilotAttachment.Number", "dossier de Léa"), ("PilotAttachment.Message", "Bonjour"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains($"<span class=\"erreur-champ\" id=\"PilotAttachment_Number-erreur\">{NumberError}</span>", page, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"erreur-champ\" id=\"PilotAttachment_Message-erreur\">{MessageError}</span>", page, StringComparison.Ordinal);
        Assert.Contains($"<li><a href=\"#PilotAttachment_Number\">{NumberError}</a></li>", page, StringComparison.Ordinal);
        Assert.Matches("aria-describedby=\"PilotAttachment_Number-aide PilotAttachment_Number-erreur\"[^>]* id=\"PilotAttachment_Number\" name=\"PilotAttachment.Number\" value=\"dossier de Léa\" aria-invalid=\"true\"", page);
        Assert.Matches("name=\"PilotAttachment.Message\" aria-invalid=\"true\">\\s*Bonjour</textarea>", page);
        Assert.DoesNotContain(PilotAnswer, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_without_an_address_is_told_at_the_top_of_the_page()
    {
        const string NoAddress = "Votre compte n'a pas d'adresse électronique : le pilote ne pourrait pas vous répondre.";
        site.Stub.Api = NotAttachedAsking(_ => FieldErrors(new() { [""] = [NoAddress] }));
        using var client = await site.SignInAsync("Léa Martin", []);

        var page = await (await PostAsync(client, SpacePage, "AskPilot", ("PilotAttachment.Number", "D-000123"))).ReadPageAsync();

        Assert.Matches($"<div class=\"erreurs\" role=\"alert\"[^>]*>\\s*<ul>\\s*<li>{Regex.Escape(NoAddress)}</li>", page);
        Assert.DoesNotContain("PilotAttachment_Number-erreur", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_a_dossier_is_already_attached_the_space_shows_it()
    {
        site.Stub.Api = NotAttachedAsking(_ => Problem(409, "Un dossier est déjà rattaché à votre compte."));
        using var client = await site.SignInAsync("Léa Martin", []);

        var response = await PostAsync(client, SpacePage, "AskPilot", ("PilotAttachment.Number", "D-000123"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(SpacePage, response.Headers.Location?.ToString());
    }

    // — « Demandes de rattachement » on the commission's dossier —

    private static object Pending(Guid accountId, string name, string email, string? message, DateTimeOffset requestedAt) =>
        new { accountId, name, email, message, requestedAt };

    private static readonly object[] TwoPending =
    [
        Pending(Lea, "Léa Martin", "lea.martin@exemple.fr", "Mon ancienne adresse est fermée.\nJoignable au 06 12 34 56 78.", new DateTimeOffset(2026, 11, 20, 9, 15, 0, TimeSpan.Zero)),
        Pending(Marc, "Marc Durand", "marc.durand@exemple.fr", null, new DateTimeOffset(2026, 11, 21, 16, 0, 0, TimeSpan.Zero)),
    ];

    /// <summary>The dossier with <paramref name="pending"/> (the second GET, once decided, without); the decision answered by <paramref name="decide"/>.</summary>
    private static Func<StubRequest, StubAnswer> DossierDeciding(object[] pending, Func<StubRequest, StubAnswer> decide) => request =>
        request.Method == "GET" && request.PathAndQuery == DossierApi ? new StubAnswer(200, CommissionPagesTests.Dossier(pendingAttachments: pending))
        : request.Method == "POST" && request.PathAndQuery == $"{DossierApi}/attachment" ? decide(request)
        : new StubAnswer(404, new { title = "Introuvable.", status = 404 });

    [Fact]
    public async Task The_pilot_sees_each_pending_request_with_a_reminder_to_check_with_the_candidate_and_the_two_buttons()
    {
        site.Stub.Api = DossierDeciding(TwoPending, _ => new StubAnswer(500));
        using var client = await site.SignInAsync("Paul Pilote", ["commission"]);

        var page = await (await client.GetAsync(DossierPage)).ReadPageAsync();

        Assert.Contains("<h2 id=\"rattachements\">Demandes de rattachement</h2>", page, StringComparison.Ordinal);
        Assert.Contains("Avant de confirmer, vérifiez auprès du candidat lui-même", page, StringComparison.Ordinal);
        Assert.Matches(
            "<h3 id=\"rattachement-[^\"]+\">Léa Martin</h3>\\s*<dl class=\"details\">\\s*<dt>Courriel du compte</dt><dd>lea.martin@exemple.fr</dd>\\s*" +
            "<dt>Message</dt><dd class=\"motif\">Mon ancienne adresse est fermée.\nJoignable au 06 12 34 56 78.</dd>\\s*<dt>Demandé le</dt><dd>20/11/2026 à 10:15</dd>",
            page);
        Assert.Matches("Marc Durand</h3>(.|\\s)*?<dt>Message</dt><dd class=\"motif\">—</dd>\\s*<dt>Demandé le</dt><dd>21/11/2026 à 17:00</dd>", page);
        Assert.Contains($"<input type=\"hidden\" name=\"accountId\" value=\"{Lea}\" />", page, StringComparison.Ordinal);
        Assert.Contains($"<input type=\"hidden\" name=\"accountId\" value=\"{Marc}\" />", page, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Matches(page, "<button type=\"submit\" name=\"confirmed\" value=\"true\">Confirmer</button>").Count);
        Assert.Equal(2, Regex.Matches(page, "<button type=\"submit\" name=\"confirmed\" value=\"false\" class=\"secondary\">Refuser</button>").Count);
        Assert.Matches($"<form method=\"post\" id=\"Attachment_{Lea:N}\" tabindex=\"-1\" aria-label=\"Demande de rattachement de Léa Martin\" action=\"{DossierPage}\\?handler=Attachment\">", page);
    }

    [Fact]
    public async Task A_dossier_without_pending_requests_has_no_such_section()
    {
        site.Stub.Api = DossierDeciding([], _ => new StubAnswer(500));
        using var client = await site.SignInAsync("Claire Membre", ["commission"]);

        var page = await (await client.GetAsync(DossierPage)).ReadPageAsync();

        Assert.DoesNotContain("Demandes de rattachement", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Attachment", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", true, "rattachement-confirme", "Le rattachement est confirmé : le dossier est rattaché à ce compte, et la personne en est informée par courriel.")]
    [InlineData("false", false, "rattachement-refuse", "La demande de rattachement est refusée ; la personne en est informée par courriel.")]
    public async Task The_pilots_decision_is_posted_and_the_page_comes_back_with_a_message(string value, bool confirmed, string done, string notice)
    {
        site.Stub.Api = DossierDeciding(TwoPending, _ => new StubAnswer(200, new[] { TwoPending[1] }));
        using var client = await site.SignInAsync("Paul Pilote", ["commission"], accessToken: "pilot-token");

        var response = await PostAsync(client, DossierPage, "Attachment", ("accountId", Lea.ToString()), ("confirmed", value));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{DossierPage}?etat={done}#rattachements", response.Headers.Location?.ToString());
        var post = Assert.Single(site.Stub.ApiRequests, request => request.Method == "POST");
        Assert.Equal($"{DossierApi}/attachment", post.PathAndQuery);
        Assert.Equal("Bearer pilot-token", post.Authorization);
        using (var body = JsonDocument.Parse(post.Body))
        {
            Assert.Equal(Lea, body.RootElement.GetProperty("accountId").GetGuid());
            Assert.Equal(confirmed, body.RootElement.GetProperty("confirmed").GetBoolean());
        }

        var after = await (await client.GetAsync(response.Headers.Location!.ToString())).ReadPageAsync();
        Assert.Contains($"<p class=\"notice\" role=\"status\">{notice}</p>", after, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(403, "Seul un pilote de la commission Lorraine confirme le rattachement d'un dossier.")]
    [InlineData(409, "Ce dossier est déjà rattaché à un autre compte.")]
    public async Task A_refused_decision_shows_the_apis_detail_beside_that_requests_form(int status, string detail)
    {
        site.Stub.Api = DossierDeciding(TwoPending, _ => Problem(status, detail));
        using var client = await site.SignInAsync("Claire Membre", ["commission"]);

        var response = await PostAsync(client, DossierPage, "Attachment", ("accountId", Marc.ToString()), ("confirmed", "true"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Matches($"id=\"Attachment_{Marc:N}\"[^>]*>\\s*<input type=\"hidden\" name=\"accountId\" value=\"{Marc}\" />\\s*" +
                       $"<span class=\"erreur-champ\" id=\"Attachment_{Marc:N}-erreur\">{Regex.Escape(detail)}</span>", page);
        Assert.Contains($"<li><a href=\"#Attachment_{Marc:N}\">{detail}</a></li>", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"Attachment_{Lea:N}-erreur", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Refusé.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_apis_field_errors_show_beside_the_requests_form()
    {
        site.Stub.Api = DossierDeciding(TwoPending, _ => FieldErrors(new() { ["confirmed"] = ["Indiquez si ce compte est bien celui du candidat (true) ou non (false)."] }));
        using var client = await site.SignInAsync("Paul Pilote", ["commission"]);

        var page = await (await PostAsync(client, DossierPage, "Attachment", ("accountId", Lea.ToString()), ("confirmed", "false"))).ReadPageAsync();

        Assert.Contains($"<span class=\"erreur-champ\" id=\"Attachment_{Lea:N}-erreur\">Indiquez si ce compte est bien celui du candidat (true) ou non (false).</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_decided_meanwhile_is_said_at_the_top_of_the_section()
    {
        // Marc's request was decided by another pilot: the API no longer knows it, and the page no longer lists it.
        site.Stub.Api = DossierDeciding([TwoPending[0]], _ => Problem(404, "Ce compte n'attend pas de confirmation pour ce dossier."));
        using var client = await site.SignInAsync("Paul Pilote", ["commission"]);

        var response = await PostAsync(client, DossierPage, "Attachment", ("accountId", Marc.ToString()), ("confirmed", "true"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Matches("<div id=\"Attachments\" tabindex=\"-1\">\\s*<span class=\"erreur-champ\" id=\"Attachments-erreur\">Ce compte n'attend pas de confirmation pour ce dossier.</span>", page);
        Assert.Contains("<li><a href=\"#Attachments\">Ce compte n'attend pas de confirmation pour ce dossier.</a></li>", page, StringComparison.Ordinal);
        Assert.Contains("Léa Martin</h3>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_without_confirmed_is_refused_without_calling_the_api()
    {
        site.Stub.Api = DossierDeciding(TwoPending, _ => new StubAnswer(500));
        using var client = await site.SignInAsync("Paul Pilote", ["commission"]);

        var page = await (await PostAsync(client, DossierPage, "Attachment", ("accountId", Lea.ToString()))).ReadPageAsync();

        Assert.DoesNotContain(site.Stub.ApiRequests, request => request.Method == "POST");
        Assert.Contains($"<span class=\"erreur-champ\" id=\"Attachment_{Lea:N}-erreur\">Choisissez de confirmer ou de refuser la demande de rattachement.</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_outside_the_commissions_is_refused_and_an_anonymous_visitor_sent_to_log_in_before_anything_is_sent()
    {
        using var referent = await site.SignInAsync("Rita Référente", ["referent", "board", "dpo"]);
        FormUrlEncodedContent Decision() => new([KeyValuePair.Create("accountId", Lea.ToString()), KeyValuePair.Create("confirmed", "true")]);

        var refused = await referent.PostAsync($"{DossierPage}?handler=Attachment", Decision());
        var anonymous = await site.CreateClient().PostAsync($"{DossierPage}?handler=Attachment", Decision());

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith(site.Stub.Issuer + "connect/authorize?", anonymous.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Empty(site.Stub.ApiRequests);
    }
}
