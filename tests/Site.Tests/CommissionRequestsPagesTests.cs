using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Site.Tests;

/// <summary>
/// The candidates' requests in the commission's hands: « Demandes des candidats » (to answer, overdue, answered), the
/// pilot's answer, and the candidate's commitments and requests on the dossier's page.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class CommissionRequestsPagesTests(SiteFixture site) : IDisposable
{
    private const string Api = "/api/candidates/commission/requests";

    private const string Page = "/espace-membre/commission/demandes";

    private static readonly Guid DossierId = CommissionPagesTests.DossierId;

    private static readonly string DossierPage = $"/espace-membre/commission/dossiers/{DossierId}";

    private static readonly Guid OverdueRequest = Guid.Parse("0193a0b1-0000-7000-8000-0000000000f1");

    private static readonly Guid OpenRequest = Guid.Parse("0193a0b1-0000-7000-8000-0000000000f2");

    private static readonly Guid OtherDossier = Guid.Parse("0193a0b1-0000-7000-8000-000000000002");

    private static readonly DateTimeOffset Submitted = CommissionPagesTests.Submitted;

    public void Dispose() => site.Stub.Reset();

    private static object RequestView(Guid id, string kind, string label, string state = "open", string stateLabel = "À traiter", bool overdue = false, string? answer = null) => new
    {
        id, kind, label, reason = $"Motif du candidat ({kind}).", state, stateLabel, createdAt = Submitted.AddDays(5), dueOn = "2026-12-08", overdue,
        answer, answeredBy = answer is null ? null : "Paul Pilote", answeredAt = answer is null ? (DateTimeOffset?)null : Submitted.AddDays(12),
    };

    private static object Item(Guid dossierId, string number, string name, object request) =>
        new { dossierId, number, candidateName = name, territory = "Lorraine", request };

    private static object PageOf(object[] items, int page = 1, int total = -1) =>
        new { items, page, pageSize = 20, total = total < 0 ? items.Length : total };

    private static object OpenRequests() => PageOf(
    [
        Item(DossierId, "2026-000042", "Jonas Muller", RequestView(OverdueRequest, "erasure", "Clôture et suppression de mon dossier", overdue: true)),
        Item(OtherDossier, "2026-000043", "Léa Hoffmann", RequestView(OpenRequest, "correction", "Correction des analyses de la commission")),
    ]);

    private static string MessageId(Guid request) => $"RightsAnswer_{request:N}_Message";

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, params (string Name, string Value)[] fields)
    {
        var form = await (await client.GetAsync(path)).ReadPageAsync();
        var action = path.Contains('?', StringComparison.Ordinal) ? path[..path.IndexOf('?', StringComparison.Ordinal)] : path;
        return await client.PostAsync($"{action}?handler={handler}", new FormUrlEncodedContent(
            [KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(form)), .. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))]));
    }

    // — « Demandes des candidats » —

    [Fact]
    public async Task The_list_asks_for_the_requests_to_answer_and_shows_each_with_its_due_date_its_dossier_and_the_answer_form()
    {
        site.Stub.Api = _ => new StubAnswer(200, OpenRequests());
        using var client = await site.SignInAsync("Paul Pilote", ["commission"], accessToken: "pilot-token");

        var response = await client.GetAsync(Page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(site.Stub.ApiRequests);
        Assert.Equal($"{Api}?state=open&page=1&pageSize=20", request.PathAndQuery);
        Assert.Equal("Bearer pilot-token", request.Authorization);
        var page = await response.ReadPageAsync();
        Assert.Contains("<h1>Demandes des candidats</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"a-traiter\" selected=\"selected\">À traiter</option>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"en-retard\">En retard</option>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"traitees\">Traitées</option>", page, StringComparison.Ordinal);
        Assert.Contains("<p>2 demandes.</p>", page, StringComparison.Ordinal);
        // The overdue one flagged, and only it.
        Assert.Contains($"<article class=\"demande-candidat en-retard\" aria-labelledby=\"demande-{OverdueRequest}\">", page, StringComparison.Ordinal);
        Assert.Contains($"<article class=\"demande-candidat\" aria-labelledby=\"demande-{OpenRequest}\">", page, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(page, "<strong class=\"retard\"><span aria-hidden=\"true\">⚠ </span>En retard</strong>"));
        Assert.Contains($"<h2 id=\"demande-{OverdueRequest}\">Clôture et suppression de mon dossier — Jonas Muller</h2>", page, StringComparison.Ordinal);
        Assert.Matches("<dt>À traiter avant le</dt>\\s*<dd>\\s*08/12/2026\\s*<strong class=\"retard\">", page);
        Assert.Contains($"<a href=\"{DossierPage}\">2026-000042</a>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Motif du candidat</dt><dd class=\"motif\">Motif du candidat (erasure).</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Reçue le</dt><dd>08/11/2026 à 10:00</dd>", page, StringComparison.Ordinal);
        // Each open request its answer form, which brings the list back as it was; erasure says what accepting does.
        Assert.Matches($"<form method=\"post\" class=\"reponse-demande\" id=\"RightsAnswer_{OverdueRequest:N}\" tabindex=\"-1\"\\s+aria-label=\"Répondre à la demande de Jonas Muller : Clôture et suppression de mon dossier\" action=\"{Page}\\?handler=RequestAnswer\">", page);
        Assert.Contains($"<input type=\"hidden\" name=\"requestId\" value=\"{OverdueRequest}\" />", page, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"etat\" value=\"a-traiter\" />", page, StringComparison.Ordinal);
        Assert.Contains($"<label for=\"{MessageId(OverdueRequest)}\">Message au candidat</label>", page, StringComparison.Ordinal);
        Assert.Contains("Accepter efface aussitôt et définitivement le dossier du candidat", page, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Matches(page, "<button type=\"submit\" name=\"decision\" value=\"accepted\">Accepter</button>").Count);
        Assert.Equal(2, Regex.Matches(page, "<button type=\"submit\" name=\"decision\" value=\"refused\" class=\"secondary\">Refuser</button>").Count);
    }

    [Fact]
    public async Task The_filters_and_the_page_go_to_the_api_and_the_pager_keeps_them()
    {
        site.Stub.Api = _ => new StubAnswer(200, PageOf(
            [Item(DossierId, "2026-000042", "Jonas Muller", RequestView(OverdueRequest, "objection", "Opposition au traitement de mes données", overdue: true))], 2, 22));
        using var client = await site.SignInAsync("Paul Pilote", ["commission"]);

        var page = await (await client.GetAsync($"{Page}?etat=en-retard&territoire=Lorraine&page=2")).ReadPageAsync();

        Assert.Equal($"{Api}?state=overdue&territory=Lorraine&page=2&pageSize=20", Assert.Single(site.Stub.ApiRequests).PathAndQuery);
        Assert.Contains("<option value=\"en-retard\" selected=\"selected\">En retard</option>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Lorraine\" selected=\"selected\">Lorraine</option>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"\">Tous mes territoires</option>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"?etat=en-retard&territoire=Lorraine&page=1\">Page précédente</a>", page, StringComparison.Ordinal);
        Assert.Contains("Page 2 sur 2", page, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"territoire\" value=\"Lorraine\" />", page, StringComparison.Ordinal);
        Assert.Contains("Accepter retire le dossier", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answered_requests_show_the_answer_and_no_form_and_an_erased_dossier_no_link()
    {
        site.Stub.Api = _ => new StubAnswer(200, PageOf(
        [
            Item(DossierId, "2026-000042", "Jonas Muller",
                RequestView(OverdueRequest, "erasure", "Clôture et suppression de mon dossier", "accepted", "Acceptée", answer: "Votre dossier est supprimé.")),
            Item(OtherDossier, "2026-000043", "Léa Hoffmann",
                RequestView(OpenRequest, "correction", "Correction des analyses de la commission", "refused", "Refusée", answer: "L'analyse reflète l'entretien.")),
        ]));
        using var client = await site.SignInAsync("Paul Pilote", ["commission"]);

        var page = await (await client.GetAsync($"{Page}?etat=traitees")).ReadPageAsync();

        Assert.Equal($"{Api}?state=answered&page=1&pageSize=20", Assert.Single(site.Stub.ApiRequests).PathAndQuery);
        Assert.DoesNotContain("name=\"decision\"", page, StringComparison.Ordinal);
        Assert.Matches("<dd>\\s*2026-000042 <span class=\"aide\">\\(effacé\\)</span>\\s*</dd>", page);
        Assert.DoesNotContain($"href=\"{DossierPage}\"", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/espace-membre/commission/dossiers/{OtherDossier}\">2026-000043</a>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>État</dt><dd>Refusée</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Réponse</dt><dd class=\"motif\">L'analyse reflète l'entretien.<br /><span class=\"aide\">le 15/11/2026 à 10:00, par Paul Pilote</span></dd>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_territory_the_api_refuses_shows_its_message_beside_the_filter()
    {
        site.Stub.Api = _ => new StubAnswer(400, new
        {
            title = "La demande contient des erreurs.", status = 400,
            errors = new Dictionary<string, string[]> { ["territory"] = ["Vous n'êtes pas membre de la commission de ce territoire."] },
        });
        using var client = await site.SignInAsync("Claire Membre", ["commission"]);

        var page = await (await client.GetAsync($"{Page}?territoire=Alsace")).ReadPageAsync();

        Assert.Contains("<span class=\"erreur-champ\" id=\"Territory-erreur\">Vous n'êtes pas membre de la commission de ce territoire.</span>", page, StringComparison.Ordinal);
        Assert.Matches("<select id=\"Territory\" name=\"territoire\" aria-invalid=\"true\"\\s+aria-describedby=\"Territory-erreur\">", page);
    }

    public static TheoryData<string, string, string, string> Answers => new()
    {
        { "refused", "refused", "refusee", "La demande est refusée ; le candidat reçoit votre message par courriel." },
        { "accepted", "erasure", "efface", "La suppression est acceptée : le dossier du candidat est effacé ; le candidat en est informé par courriel." },
        { "accepted", "objection", "retire", "L'opposition est acceptée : le dossier du candidat est retiré ; le candidat en est informé par courriel." },
        { "accepted", "correction", "acceptee", "La demande est acceptée ; le candidat en est informé par courriel." },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task An_answer_posts_the_decision_and_the_message_and_comes_back_to_the_same_list_saying_what_became_of_the_dossier(
        string decision, string kind, string done, string notice)
    {
        site.Stub.Api = request => request.Method == "POST" && request.PathAndQuery == $"{Api}/{OverdueRequest}/answer"
            ? new StubAnswer(200, RequestView(OverdueRequest, kind, "Libellé", decision, "Répondue", answer: "Réponse."))
            : request.Method == "GET" ? new StubAnswer(200, OpenRequests()) : new StubAnswer(500);
        using var client = await site.SignInAsync("Paul Pilote", ["commission"], accessToken: "pilot-token");

        var response = await PostAsync(client, $"{Page}?etat=en-retard&territoire=Lorraine", "RequestAnswer",
            ("requestId", OverdueRequest.ToString()), ("decision", decision), ("message", "  Votre dossier reste nécessaire au suivi de votre plan.  "),
            ("etat", "en-retard"), ("territoire", "Lorraine"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{Page}?etat=en-retard&territoire=Lorraine&fait={done}", response.Headers.Location?.ToString());
        var post = Assert.Single(site.Stub.ApiRequests, request => request.Method == "POST");
        Assert.Equal("Bearer pilot-token", post.Authorization);
        using (var body = JsonDocument.Parse(post.Body))
        {
            Assert.Equal(decision, body.RootElement.GetProperty("decision").GetString());
            Assert.Equal("Votre dossier reste nécessaire au suivi de votre plan.", body.RootElement.GetProperty("message").GetString());
        }

        var after = await (await client.GetAsync(response.Headers.Location!.ToString())).ReadPageAsync();
        Assert.Contains($"<p class=\"notice\" role=\"status\">{notice}</p>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_without_a_message_shows_the_apis_message_beside_that_requests_field_only()
    {
        site.Stub.Api = request => request.Method == "POST"
            ? new StubAnswer(400, new
            {
                title = "La demande contient des erreurs.", status = 400,
                errors = new Dictionary<string, string[]> { ["message"] = ["Dites au candidat pourquoi sa demande est refusée."] },
            })
            : new StubAnswer(200, OpenRequests());
        using var client = await site.SignInAsync("Paul Pilote", ["commission"]);

        var response = await PostAsync(client, Page, "RequestAnswer", ("requestId", OverdueRequest.ToString()), ("decision", "refused"), ("message", " "), ("etat", "a-traiter"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using (var body = JsonDocument.Parse(site.Stub.ApiRequests.Single(request => request.Method == "POST").Body))
        {
            // A blank message is no message: the API says it is required for a refusal.
            Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("message").ValueKind);
        }

        var page = await response.ReadPageAsync();
        var id = MessageId(OverdueRequest);
        Assert.Contains($"<span class=\"erreur-champ\" id=\"{id}-erreur\">Dites au candidat pourquoi sa demande est refusée.</span>", page, StringComparison.Ordinal);
        Assert.Contains($"<li><a href=\"#{id}\">Dites au candidat pourquoi sa demande est refusée.</a></li>", page, StringComparison.Ordinal);
        Assert.Matches($"<textarea id=\"{id}\" name=\"message\" rows=\"3\" maxlength=\"2000\" aria-invalid=\"true\"\\s+aria-describedby=\"{id}-aide {id}-erreur\">", page);
        Assert.Single(Regex.Matches(page, "class=\"erreur-champ\""));
    }

    [Theory]
    [InlineData(403, "Seul un pilote de la commission Lorraine répond aux demandes des candidats.")]
    [InlineData(409, "Cette demande a déjà reçu une réponse.")]
    public async Task A_refused_answer_shows_the_apis_detail_at_the_top_of_that_requests_form_and_keeps_the_message(int status, string detail)
    {
        site.Stub.Api = request => request.Method == "POST"
            ? new StubAnswer(status, new { title = "Refusé.", status, detail })
            : new StubAnswer(200, OpenRequests());
        using var client = await site.SignInAsync("Claire Membre", ["commission"]);

        var response = await PostAsync(client, Page, "RequestAnswer", ("requestId", OpenRequest.ToString()), ("decision", "accepted"), ("message", "Nous corrigeons l'analyse."));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains($"<span class=\"erreur-champ\" id=\"RightsAnswer_{OpenRequest:N}-erreur\">{detail}</span>", page, StringComparison.Ordinal);
        Assert.Contains($"<li><a href=\"#RightsAnswer_{OpenRequest:N}\">{detail}</a></li>", page, StringComparison.Ordinal);
        Assert.Matches($"<textarea id=\"{MessageId(OpenRequest)}\"[^>]*>Nous corrigeons l'analyse.</textarea>", page);
        Assert.Matches($"<textarea id=\"{MessageId(OverdueRequest)}\"[^>]*></textarea>", page);
    }

    [Fact]
    public async Task An_answer_without_a_decision_is_refused_without_calling_the_api()
    {
        site.Stub.Api = _ => new StubAnswer(200, OpenRequests());
        using var client = await site.SignInAsync("Paul Pilote", ["commission"]);

        var response = await PostAsync(client, Page, "RequestAnswer", ("requestId", OpenRequest.ToString()), ("decision", "maybe"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(site.Stub.ApiRequests, request => request.Method == "POST");
        Assert.Contains($"<span class=\"erreur-champ\" id=\"RightsAnswer_{OpenRequest:N}-erreur\">Choisissez d'accepter ou de refuser la demande.</span>",
            await response.ReadPageAsync(), StringComparison.Ordinal);
    }

    // — The dossier's page —

    private static object DossierWithRequests() => CommissionPagesTests.Dossier(
        commitments:
        [
            new { id = Guid.NewGuid(), kind = "found_job", label = "J'ai trouvé un emploi", details = "CDI chez Est Logiciels.", at = Submitted.AddDays(20) },
        ],
        requests:
        [
            RequestView(OverdueRequest, "erasure", "Clôture et suppression de mon dossier", overdue: true),
            RequestView(OpenRequest, "correction", "Correction des analyses de la commission", "refused", "Refusée", answer: "L'analyse reflète l'entretien."),
        ]);

    private static Func<StubRequest, StubAnswer> DossierOr(Func<StubRequest, StubAnswer> post) => request =>
        request.Method == "GET" && request.PathAndQuery == $"/api/candidates/commission/dossiers/{DossierId}"
            ? new StubAnswer(200, DossierWithRequests())
            : request.Method == "POST" ? post(request) : new StubAnswer(404, new { title = "Introuvable.", status = 404 });

    [Fact]
    public async Task The_dossier_page_shows_the_candidates_commitments_and_requests_with_the_answer_form_for_the_open_one()
    {
        site.Stub.Api = DossierOr(_ => new StubAnswer(500));
        using var client = await site.SignInAsync("Paul Pilote", ["commission"]);

        var page = await (await client.GetAsync(DossierPage)).ReadPageAsync();

        Assert.Single(site.Stub.ApiRequests);
        Assert.Contains("<h2 id=\"engagements\">Engagements du candidat</h2>", page, StringComparison.Ordinal);
        Assert.Matches("<td>[^<]+</td>\\s*<td>J'ai trouvé un emploi</td>\\s*<td class=\"motif\">CDI chez Est Logiciels.</td>", page);
        Assert.Contains("<h2 id=\"demandes\">Demandes du candidat</h2>", page, StringComparison.Ordinal);
        Assert.Contains($"<article class=\"demande-candidat en-retard\" aria-labelledby=\"demande-{OverdueRequest}\">", page, StringComparison.Ordinal);
        Assert.Contains($"<h3 id=\"demande-{OverdueRequest}\">Clôture et suppression de mon dossier</h3>", page, StringComparison.Ordinal);
        Assert.Matches($"<form method=\"post\" class=\"reponse-demande\" id=\"RightsAnswer_{OverdueRequest:N}\"[^>]*action=\"{DossierPage}\\?handler=RequestAnswer\">", page);
        Assert.Single(Regex.Matches(page, "name=\"decision\" value=\"accepted\""));
        Assert.Contains("L'analyse reflète l'entretien.", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Page}\">Demandes des candidats</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dossier_without_commitments_nor_requests_says_so()
    {
        site.Stub.Api = _ => new StubAnswer(200, CommissionPagesTests.Dossier());
        using var client = await site.SignInAsync("Paul Pilote", ["commission"]);

        var page = await (await client.GetAsync(DossierPage)).ReadPageAsync();

        Assert.Contains("Le candidat n'a rien signalé depuis son espace.", page, StringComparison.Ordinal);
        Assert.Contains("Le candidat n'a fait aucune demande.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepting_an_erasure_on_the_dossier_page_goes_to_the_answered_requests_since_the_dossier_is_gone()
    {
        site.Stub.Api = request => request.Method == "POST" && request.PathAndQuery == $"{Api}/{OverdueRequest}/answer"
            ? new StubAnswer(200, RequestView(OverdueRequest, "erasure", "Clôture et suppression de mon dossier", "accepted", "Acceptée", answer: "C'est fait."))
            : request.Method == "GET" && request.PathAndQuery.StartsWith(Api, StringComparison.Ordinal)
                ? new StubAnswer(200, PageOf([]))
                : DossierOr(_ => new StubAnswer(500))(request);
        using var client = await site.SignInAsync("Paul Pilote", ["commission"]);

        var response = await PostAsync(client, DossierPage, "RequestAnswer", ("requestId", OverdueRequest.ToString()), ("decision", "accepted"), ("message", "C'est fait."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{Page}?etat=traitees&fait=efface", response.Headers.Location?.ToString());
        var after = await (await client.GetAsync(response.Headers.Location!.ToString())).ReadPageAsync();
        Assert.Contains("La suppression est acceptée : le dossier du candidat est effacé", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusing_on_the_dossier_page_comes_back_to_its_requests_and_a_refusal_the_api_refuses_is_said_in_the_form()
    {
        var answered = false;
        site.Stub.Api = DossierOr(request =>
        {
            answered = !answered;
            return answered
                ? new StubAnswer(200, RequestView(OverdueRequest, "erasure", "Clôture et suppression de mon dossier", "refused", "Refusée", answer: "Non."))
                : new StubAnswer(409, new { title = "Conflit.", status = 409, detail = "Cette demande a déjà reçu une réponse." });
        });
        using var client = await site.SignInAsync("Paul Pilote", ["commission"]);

        var refused = await PostAsync(client, DossierPage, "RequestAnswer", ("requestId", OverdueRequest.ToString()), ("decision", "refused"), ("message", "Non."));
        var again = await PostAsync(client, DossierPage, "RequestAnswer", ("requestId", OverdueRequest.ToString()), ("decision", "refused"), ("message", "Non, vraiment."));

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal($"{DossierPage}?etat=demande-refusee#demandes", refused.Headers.Location?.ToString());
        var after = await (await client.GetAsync(refused.Headers.Location!.ToString())).ReadPageAsync();
        Assert.Contains("<p class=\"notice\" role=\"status\">La demande du candidat est refusée ; il reçoit votre message par courriel.</p>", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var page = await again.ReadPageAsync();
        Assert.Contains($"<span class=\"erreur-champ\" id=\"RightsAnswer_{OverdueRequest:N}-erreur\">Cette demande a déjà reçu une réponse.</span>", page, StringComparison.Ordinal);
        Assert.Matches($"<textarea id=\"{MessageId(OverdueRequest)}\"[^>]*>Non, vraiment.</textarea>", page);
    }

    // — Who may see it —

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_log_in_and_sends_nothing()
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(Page);
        var posted = await client.PostAsync($"{Page}?handler=RequestAnswer", new FormUrlEncodedContent(
            [KeyValuePair.Create("requestId", OpenRequest.ToString()), KeyValuePair.Create("decision", "accepted")]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(site.Stub.Issuer + "connect/authorize?", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, posted.StatusCode);
        Assert.Empty(site.Stub.ApiRequests);
    }

    [Fact]
    public async Task A_person_outside_the_commissions_is_refused()
    {
        using var client = await site.SignInAsync("Rita Référente", ["referent", "board", "recruiter", "employment_partner"]);

        var response = await client.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(site.Stub.ApiRequests);
    }

    [Fact]
    public async Task The_member_area_and_the_work_queue_link_the_requests_for_the_commission_and_the_administrators()
    {
        site.Stub.Api = _ => new StubAnswer(200, PageOf([]));
        using var member = await site.SignInAsync("Claire Membre", ["commission"]);
        using var admin = await site.SignInAsync("Ada Admin", ["admin"]);

        var memberArea = await (await member.GetAsync("/espace-membre")).ReadPageAsync();
        var adminArea = await (await admin.GetAsync("/espace-membre")).ReadPageAsync();
        var queue = await (await member.GetAsync("/espace-membre/commission")).ReadPageAsync();
        var adminList = await admin.GetAsync(Page);

        Assert.Contains($"<li><a href=\"{Page}\">Demandes des candidats</a></li>", memberArea, StringComparison.Ordinal);
        Assert.Contains($"<li><a href=\"{Page}\">Demandes des candidats</a></li>", adminArea, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Page}\">Demandes des candidats</a>", queue, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, adminList.StatusCode);
        Assert.Contains("<option value=\"\" selected=\"selected\">Tous les territoires</option>", await adminList.ReadPageAsync(), StringComparison.Ordinal);
    }
}
