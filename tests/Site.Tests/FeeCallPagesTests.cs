using System.Net;
using System.Text.Json;

namespace Site.Tests;

/// <summary>« Appels de cotisation »: the treasurer's list of the fee calls, its CSV, a call's page, its PDF and its cancellation.</summary>
[Collection(SiteCollection.Name)]
public sealed class FeeCallPagesTests(SiteFixture site) : IDisposable
{
    private const string Api = "/api/billing/calls";

    private const string Page = "/espace-membre/cotisations";

    private static readonly Guid CallId = Guid.Parse("0193a0b1-0000-7000-8000-000000000c01");

    private static readonly Guid OtherCallId = Guid.Parse("0193a0b1-0000-7000-8000-000000000c02");

    private static readonly Guid CreditNoteId = Guid.Parse("0193a0b1-0000-7000-8000-000000000a01");

    private static readonly byte[] Pdf = [.. "%PDF-1.7\n%âãÏÓ\n1 0 obj\n"u8.ToArray(), 0x00, 0xFF, .. "%%EOF\n"u8.ToArray()];

    private static string CallPage => $"{Page}/{CallId}";

    public void Dispose() => site.Stub.Reset();

    private static object TwoCalls(int page = 1, int total = 2) => BillingJson.CallPage(
    [
        BillingJson.Call(CallId),
        BillingJson.Call(OtherCallId, "2026-0002", "Lorraine Conseil", "partially_paid", "Partiellement payé", 67200, 20000),
    ], page, total);

    // — The list —

    [Fact]
    public async Task The_list_sends_the_filters_to_billing_and_shows_the_totals_the_calls_and_their_links()
    {
        site.Stub.Api = _ => new StubAnswer(200, TwoCalls(page: 2, total: 42));
        using var client = await site.SignInAsync("Théo Trésorier", ["treasurer"], accessToken: "treasurer-token");

        var response = await client.GetAsync($"{Page}?annee=2026&statut=partially_paid&categorie=Entreprise&territoire=Champagne-Ardenne&organisme=Octet%20%26&page=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(site.Stub.ApiRequests);
        Assert.Equal($"{Api}?year=2026&status=partially_paid&category=Entreprise&territory=Champagne-Ardenne&q=Octet%20%26&page=2&pageSize=20", request.PathAndQuery);
        Assert.Equal("Bearer treasurer-token", request.Authorization);
        var page = await response.ReadPageAsync();
        Assert.Contains("<h1>Appels de cotisation</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"totaux\">42 appels de cotisation pour 2026</h2>", page, StringComparison.Ordinal);
        Assert.Matches("<dt>Appelé</dt><dd>1 344 €</dd>\\s*</div>\\s*<div><dt>Payé</dt><dd>200 €</dd>\\s*</div>\\s*<div><dt>Reste dû</dt><dd>1 144 €</dd>", page);
        Assert.Contains("<a href=\"/espace-membre/cotisations/export?annee=2026&statut=partially_paid&categorie=Entreprise&territoire=Champagne-Ardenne&organisme=Octet%20%26\">Exporter en CSV</a>",
            page, StringComparison.Ordinal);
        Assert.Matches(
            $"<td><a href=\"{Page}/{OtherCallId}\">2026-0002</a></td>\\s*<td>Lorraine Conseil</td>\\s*<td class=\"montant\">672 €</td>\\s*<td class=\"montant\">200 €</td>"
            + $"\\s*<td class=\"montant\">472 €</td>\\s*<td>Partiellement payé</td>\\s*<td>31/03/2026</td>\\s*<td><a href=\"{Page}/{OtherCallId}/pdf\" aria-label=\"PDF de l'appel de cotisation 2026-0002\">PDF</a></td>",
            page);
        Assert.Contains($"<a href=\"{Page}/{CallId}\">2026-0001</a>", page, StringComparison.Ordinal);
        Assert.Contains("<span>Page 2 sur 3</span>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"?annee=2026&statut=partially_paid&categorie=Entreprise&territoire=Champagne-Ardenne&organisme=Octet%20%26&page=3\">Page suivante</a>", page, StringComparison.Ordinal);
        // The filters stay as chosen.
        Assert.Contains("id=\"Organisation\" name=\"organisme\" value=\"Octet &\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"Year\" name=\"annee\" value=\"2026\"", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"partially_paid\" selected=\"selected\">Partiellement réglé</option>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Entreprise\" selected=\"selected\">Entreprise</option>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Champagne-Ardenne\" selected=\"selected\">Champagne-Ardenne</option>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_filters_the_list_is_every_years_and_a_year_narrows_it()
    {
        site.Stub.Api = _ => new StubAnswer(200, BillingJson.CallPage([], total: 0, calledCents: 0, paidCents: 0, outstandingCents: 0));
        using var client = await site.SignInAsync("Bruno Bureau", ["board"]);

        var every = await (await client.GetAsync(Page)).ReadPageAsync();
        var year = await (await client.GetAsync($"{Page}?annee={BillingJson.ThisYear}&statut=")).ReadPageAsync();

        Assert.Equal([$"{Api}?page=1&pageSize=20", $"{Api}?year={BillingJson.ThisYear}&page=1&pageSize=20"], site.Stub.ApiRequests.Select(request => request.PathAndQuery));
        Assert.Contains($"id=\"Year\" name=\"annee\" value=\"{BillingJson.ThisYear}\"", year, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/espace-membre/cotisations/export?annee={BillingJson.ThisYear}\">Exporter en CSV</a>", year, StringComparison.Ordinal);
        Assert.Contains("Aucun appel de cotisation ne correspond à ces critères.", every, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"totaux\">0 appels de cotisation</h2>", every, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/espace-membre/cotisations/export?annee=\">Exporter en CSV</a>", every, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_year_that_is_not_one_is_refused_beside_its_field_without_asking_billing()
    {
        using var client = await site.SignInAsync("Théo Trésorier", ["treasurer"]);

        var page = await (await client.GetAsync($"{Page}?annee=l'an dernier")).ReadPageAsync();

        Assert.Contains("<span class=\"erreur-champ\" id=\"Year-erreur\">Saisissez une année (par exemple 2026), ou laissez vide pour toutes les années.</span>", page, StringComparison.Ordinal);
        Assert.Matches("id=\"Year\" name=\"annee\" value=\"l'an dernier\" min=\"1900\" step=\"1\" inputmode=\"numeric\"\\s*aria-invalid=\"true\"\\s*aria-describedby=\"Year-aide Year-erreur\"", page);
        Assert.Empty(site.Stub.ApiRequests);
    }

    [Fact]
    public async Task Billings_refusal_of_a_filter_shows_beside_it()
    {
        site.Stub.Api = _ => new StubAnswer(400, BillingJson.ValidationProblem(new() { ["status"] = ["Statut inconnu : issued, partially_paid, paid ou cancelled."] }));
        using var client = await site.SignInAsync("Théo Trésorier", ["treasurer"]);

        var page = await (await client.GetAsync($"{Page}?statut=rembourse")).ReadPageAsync();

        Assert.Contains("<span class=\"erreur-champ\" id=\"Status-erreur\">Statut inconnu : issued, partially_paid, paid ou cancelled.</span>", page, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#Status\">Statut inconnu : issued, partially_paid, paid ou cancelled.</a></li>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", page, StringComparison.Ordinal);
    }

    // — Who may —

    [Theory]
    [InlineData("")]
    [InlineData("/export")]
    [InlineData("/0193a0b1-0000-7000-8000-000000000c01")]
    [InlineData("/0193a0b1-0000-7000-8000-000000000c01/pdf")]
    [InlineData("/avoirs/0193a0b1-0000-7000-8000-000000000a01/pdf")]
    public async Task The_fee_calls_are_refused_to_the_other_roles_with_the_sites_forbidden_page(string path)
    {
        using var client = await site.SignInAsync("Claire Membre", ["referent", "recruiter", "commission", "employment_partner", "candidate", "editor", "dpo"]);

        var response = await client.GetAsync(Page + path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<h1>Accès refusé</h1>", await response.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Empty(site.Stub.ApiRequests);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_log_in()
    {
        var response = await site.CreateClient().GetAsync(Page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(site.Stub.Issuer + "connect/authorize?", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_member_area_links_the_fee_calls_for_the_treasurer_the_board_and_the_administrators()
    {
        var entry = $"<li><a href=\"{Page}\">Appels de cotisation</a></li>";
        foreach (var role in new[] { "treasurer", "board", "admin" })
        {
            using var allowed = await site.SignInAsync("Personne", [role]);
            var area = await (await allowed.GetAsync("/espace-membre")).ReadPageAsync();
            Assert.Contains(entry, area, StringComparison.Ordinal);
            Assert.DoesNotContain("bientôt disponible", area, StringComparison.Ordinal);
        }

        using var member = await site.SignInAsync("Claire Membre", ["commission", "recruiter", "dpo"]);
        Assert.DoesNotContain(Page, await (await member.GetAsync("/espace-membre")).ReadPageAsync(), StringComparison.Ordinal);
    }

    // — The CSV and the PDFs, through the site —

    [Fact]
    public async Task The_export_streams_billings_csv_as_an_attachment_with_the_lists_filters()
    {
        byte[] csv = [0xEF, 0xBB, 0xBF, .. "numéro;organisme;montant;payé;reste dû;statut;échéance\r\n2026-0001;Numérique & Co;672,00;0,00;672,00;Émis;2026-03-31\r\n"u8.ToArray()];
        site.Stub.Api = _ => StubAnswer.File(csv, "text/csv; charset=utf-8") with
        {
            Headers = new Dictionary<string, string> { ["Content-Disposition"] = "attachment; filename=appels-de-cotisation-2026.csv" },
        };
        using var client = await site.SignInAsync("Théo Trésorier", ["treasurer"], accessToken: "treasurer-token");

        var response = await client.GetAsync($"{Page}/export?annee=2026&statut=issued&territoire=Lorraine");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(site.Stub.ApiRequests);
        Assert.Equal($"{Api}.csv?year=2026&status=issued&territory=Lorraine", request.PathAndQuery);
        Assert.Equal("Bearer treasurer-token", request.Authorization);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("appels-de-cotisation-2026.csv", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(csv, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_export_billing_refuses_sends_back_to_the_list_with_the_filters()
    {
        site.Stub.Api = _ => new StubAnswer(400, BillingJson.ValidationProblem(new() { ["category"] = ["Catégorie inconnue."] }));
        using var client = await site.SignInAsync("Théo Trésorier", ["treasurer"]);

        var response = await client.GetAsync($"{Page}/export?annee=2026&categorie=Autre");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{Page}?annee=2026&categorie=Autre", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task An_export_with_a_year_that_is_not_one_goes_back_to_the_list_without_asking_billing()
    {
        using var client = await site.SignInAsync("Théo Trésorier", ["treasurer"]);

        var response = await client.GetAsync($"{Page}/export?annee=deux&territoire=Alsace");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{Page}?annee=deux&territoire=Alsace", response.Headers.Location?.ToString());
        Assert.Empty(site.Stub.ApiRequests);
    }

    [Fact]
    public async Task A_calls_pdf_is_billings_file_sent_on_as_a_pdf_attachment()
    {
        site.Stub.Api = request => request.PathAndQuery == $"{Api}/{CallId}/pdf"
            ? StubAnswer.File(Pdf, "application/pdf") with { Headers = new Dictionary<string, string> { ["Content-Disposition"] = "attachment; filename=appel-de-cotisation-2026-0001.pdf" } }
            : new StubAnswer(404);
        using var client = await site.SignInAsync("Bruno Bureau", ["board"], accessToken: "board-token");

        var response = await client.GetAsync($"{CallPage}/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer board-token", Assert.Single(site.Stub.ApiRequests).Authorization);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("appel-de-cotisation-2026-0001.pdf", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_credit_notes_pdf_is_sent_on_as_a_pdf_attachment_and_an_unknown_one_is_the_sites_404()
    {
        site.Stub.Api = request => request.PathAndQuery == $"/api/billing/credit-notes/{CreditNoteId}/pdf"
            ? StubAnswer.File(Pdf, "application/octet-stream")
            : new StubAnswer(404, new { title = "Introuvable.", status = 404 });
        using var client = await site.SignInAsync("Ada Admin", ["admin"]);

        var response = await client.GetAsync($"{Page}/avoirs/{CreditNoteId}/pdf");
        var unknown = await client.GetAsync($"{Page}/avoirs/{Guid.NewGuid()}/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"avoir-{CreditNoteId}.pdf", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("<h1>Page introuvable</h1>", await unknown.ReadPageAsync(), StringComparison.Ordinal);
    }

    // — A call's page and its cancellation —

    private void ServeCall(object call, Func<StubRequest, StubAnswer>? cancel = null) =>
        site.Stub.Api = request => (request.Method, request.PathAndQuery) switch
        {
            ("GET", var path) when path == $"{Api}/{CallId}" => new StubAnswer(200, call),
            ("POST", var path) when path == $"{Api}/{CallId}/cancel" && cancel is not null => cancel(request),
            _ => new StubAnswer(404, new { title = "Introuvable.", status = 404 }),
        };

    [Fact]
    public async Task A_calls_page_shows_its_computation_its_pdf_and_the_credit_note_that_cancelled_it()
    {
        ServeCall(BillingJson.Call(CallId, status: "cancelled", statusLabel: "Annulé", creditNote: BillingJson.CreditNote(CreditNoteId)));
        using var client = await site.SignInAsync("Bruno Bureau", ["board"]);

        var response = await client.GetAsync(CallPage);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<h1>Appel de cotisation 2026-0001</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Organisme</dt><dd>Numérique & Co</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Territoires</dt><dd>Alsace, Champagne-Ardenne</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Motif</dt><dd>Renouvellement</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Statut</dt><dd>Annulé</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Échéance</dt><dd>31/03/2026</dd>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{CallPage}/pdf\">Télécharger l'appel de cotisation 2026-0001 (PDF)</a>", page, StringComparison.Ordinal);
        Assert.Contains("<p class=\"explication\">Entreprise du secteur numérique, 26 salariés sur le périmètre (Alsace 12, Champagne-Ardenne 14), non affiliée : tranche 25 à 50, 672 €</p>",
            page, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">Tranche</th><td>25 à 50</td></tr>", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"avoir\">Avoir AV-2026-0001</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Motif</dt><dd class=\"motif\">Appel émis par erreur : doublon.</dd>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Page}/avoirs/{CreditNoteId}/pdf\">Télécharger l'avoir AV-2026-0001 (PDF)</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\"", page[page.IndexOf("<main", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_board_reads_a_call_without_the_cancel_form_and_cannot_post_it()
    {
        ServeCall(BillingJson.Call(CallId), _ => new StubAnswer(200, BillingJson.Call(CallId)));
        using var treasurer = await site.SignInAsync("Théo Trésorier", ["treasurer"]);
        var form = await (await treasurer.GetAsync(CallPage)).ReadPageAsync();
        using var board = await site.SignInAsync("Bruno Bureau", ["board"]);

        var page = await (await board.GetAsync(CallPage)).ReadPageAsync();
        // The token of the page's other form (« Se déconnecter »): the board has no cancel form to take it from.
        var post = await board.PostAsync($"{CallPage}?handler=Cancel", new FormUrlEncodedContent(
            [KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(page)), KeyValuePair.Create("Cancellation.Reason", "Doublon.")]));

        Assert.Contains("<h2 id=\"annulation\">Annuler l'appel de cotisation</h2>", form, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Cancellation_Reason\">Motif de l'annulation *</label>", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Annuler l'appel de cotisation", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Contains("<h1>Accès refusé</h1>", await post.ReadPageAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(site.Stub.ApiRequests, request => request.Method == "POST");
    }

    private static async Task<HttpResponseMessage> CancelAsync(HttpClient client, string reason)
    {
        var form = await (await client.GetAsync(CallPage)).ReadPageAsync();
        return await client.PostAsync($"{CallPage}?handler=Cancel", new FormUrlEncodedContent(
            [KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(form)), KeyValuePair.Create("Cancellation.Reason", reason)]));
    }

    [Fact]
    public async Task The_treasurer_cancels_a_call_with_the_reason_and_comes_back_to_its_credit_note()
    {
        var cancelled = BillingJson.Call(CallId, status: "cancelled", statusLabel: "Annulé", creditNote: BillingJson.CreditNote(CreditNoteId));
        var answered = false;
        site.Stub.Api = request => (request.Method, request.PathAndQuery) switch
        {
            ("GET", var path) when path == $"{Api}/{CallId}" => new StubAnswer(200, answered ? cancelled : BillingJson.Call(CallId)),
            ("POST", var path) when path == $"{Api}/{CallId}/cancel" => Answer(ref answered, new StubAnswer(200, cancelled)),
            _ => new StubAnswer(404, new { title = "Introuvable.", status = 404 }),
        };
        using var client = await site.SignInAsync("Théo Trésorier", ["treasurer"], accessToken: "treasurer-token");

        var response = await CancelAsync(client, "  Appel émis par erreur : doublon.  ");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{CallPage}?etat=annule#avoir", response.Headers.Location?.ToString());
        var cancel = Assert.Single(site.Stub.ApiRequests, request => request.Method == "POST");
        Assert.Equal($"{Api}/{CallId}/cancel", cancel.PathAndQuery);
        Assert.Equal("Bearer treasurer-token", cancel.Authorization);
        using var body = JsonDocument.Parse(cancel.Body);
        Assert.Equal("Appel émis par erreur : doublon.", body.RootElement.GetProperty("reason").GetString());

        var page = await (await client.GetAsync($"{CallPage}?etat=annule")).ReadPageAsync();
        Assert.Contains("<p class=\"notice\" role=\"status\">L'appel de cotisation est annulé : l'avoir AV-2026-0001 est émis, avec le motif indiqué.</p>", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"avoir\">Avoir AV-2026-0001</h2>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2 id=\"annulation\">", page, StringComparison.Ordinal);
    }

    private static StubAnswer Answer(ref bool answered, StubAnswer answer)
    {
        answered = true;
        return answer;
    }

    [Fact]
    public async Task A_cancellation_without_a_reason_is_refused_beside_the_field_without_asking_billing()
    {
        ServeCall(BillingJson.Call(CallId), _ => new StubAnswer(200, BillingJson.Call(CallId)));
        using var client = await site.SignInAsync("Ada Admin", ["admin"]);

        var response = await CancelAsync(client, "   ");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Cancellation_Reason-erreur\">Indiquez le motif de l'annulation : il est écrit sur l'avoir.</span>", page, StringComparison.Ordinal);
        Assert.Matches("<textarea[^>]*aria-describedby=\"Cancellation_Reason-aide Cancellation_Reason-erreur\"[^>]*aria-invalid=\"true\"", page);
        Assert.Contains("<li><a href=\"#Cancellation_Reason\">Indiquez le motif de l'annulation : il est écrit sur l'avoir.</a></li>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(site.Stub.ApiRequests, request => request.Method == "POST");
    }

    [Fact]
    public async Task Billings_refusal_of_the_reason_shows_beside_it_with_what_was_typed()
    {
        ServeCall(BillingJson.Call(CallId), _ => new StubAnswer(400, BillingJson.ValidationProblem(new() { ["reason"] = ["Le motif fait au plus 500 caractères."] })));
        using var client = await site.SignInAsync("Théo Trésorier", ["treasurer"]);

        var page = await (await CancelAsync(client, "Trop long")).ReadPageAsync();

        Assert.Contains("<span class=\"erreur-champ\" id=\"Cancellation_Reason-erreur\">Le motif fait au plus 500 caractères.</span>", page, StringComparison.Ordinal);
        Assert.Matches("<textarea[^>]*>\\s*Trop long</textarea>", page);
    }

    [Fact]
    public async Task A_call_already_cancelled_is_said_at_the_top_of_the_cancel_form()
    {
        ServeCall(BillingJson.Call(CallId), _ => new StubAnswer(409, new { title = "Conflit.", status = 409, detail = "L'appel de cotisation 2026-0001 est déjà annulé par un avoir." }));
        using var client = await site.SignInAsync("Théo Trésorier", ["treasurer"]);

        var response = await CancelAsync(client, "Doublon.");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Cancellation-erreur\">L'appel de cotisation 2026-0001 est déjà annulé par un avoir.</span>", page, StringComparison.Ordinal);
        Assert.Contains("<fieldset id=\"Cancellation\" tabindex=\"-1\" aria-describedby=\"Cancellation-erreur\">", page, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#Cancellation\">L'appel de cotisation 2026-0001 est déjà annulé par un avoir.</a></li>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_that_received_payments_offers_no_cancellation_and_says_why()
    {
        ServeCall(BillingJson.Call(CallId, status: "partially_paid", statusLabel: "Partiellement payé", paidCents: 20000));
        using var client = await site.SignInAsync("Théo Trésorier", ["treasurer"]);

        var page = await (await client.GetAsync(CallPage)).ReadPageAsync();

        Assert.DoesNotContain("<h2 id=\"annulation\">", page, StringComparison.Ordinal);
        Assert.Contains("Cet appel de cotisation a reçu des paiements : il ne peut pas être annulé par un avoir.", page, StringComparison.Ordinal);
    }

    // — Payments —

    private static readonly Guid ReceiptId = Guid.Parse("0193a0b1-0000-7000-8000-000000000b01");

    private async Task<HttpResponseMessage> PayAsync(HttpClient client, string amount, string paidOn = "2026-02-10", string method = "cheque", string reference = "Chèque 0001")
    {
        var form = await client.GetAsync(CallPage);
        var token = Html.AntiforgeryToken(await form.ReadPageAsync());
        return await client.PostAsync($"{CallPage}?handler=Payment", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Payment.Amount"] = amount,
            ["Payment.PaidOn"] = paidOn,
            ["Payment.Method"] = method,
            ["Payment.Reference"] = reference,
            ["__RequestVerificationToken"] = token,
        }));
    }

    [Fact]
    public async Task The_treasurer_records_a_payment_in_euros_and_comes_back_to_the_receipt()
    {
        var paid = BillingJson.Call(CallId, status: "paid", statusLabel: "Réglé", paidCents: 67200,
            payments: [BillingJson.Payment(67200)], receipt: new { id = ReceiptId, number = "R-2026-0001", issuedOn = "2026-02-11" });
        var answered = false;
        site.Stub.Api = request => (request.Method, request.PathAndQuery) switch
        {
            ("GET", var path) when path == $"{Api}/{CallId}" => new StubAnswer(200, answered ? paid : BillingJson.Call(CallId)),
            ("POST", var path) when path == $"{Api}/{CallId}/payments" => Answer(ref answered, new StubAnswer(201, paid)),
            _ => new StubAnswer(404, new { title = "Introuvable.", status = 404 }),
        };
        using var client = await site.SignInAsync("Théo Trésorier", ["treasurer"], accessToken: "treasurer-token");

        var response = await PayAsync(client, "672,00 €");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{CallPage}?etat=paiement#paiements", response.Headers.Location?.ToString());
        var payment = Assert.Single(site.Stub.ApiRequests, request => request.Method == "POST");
        using var body = JsonDocument.Parse(payment.Body);
        Assert.Equal(67200, body.RootElement.GetProperty("amountCents").GetInt64());
        Assert.Equal("2026-02-10", body.RootElement.GetProperty("paidOn").GetString());
        Assert.Equal("cheque", body.RootElement.GetProperty("method").GetString());
        Assert.Equal("Chèque 0001", body.RootElement.GetProperty("reference").GetString());

        var page = await (await client.GetAsync($"{CallPage}?etat=paiement")).ReadPageAsync();
        Assert.Contains("le reçu R-2026-0001 est émis et envoyé au référent", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/espace-membre/cotisations/recus/{ReceiptId}/pdf\">Télécharger le reçu R-2026-0001 (PDF)</a>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Chèque 0001</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Payment", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_amount_that_is_not_one_is_refused_beside_its_field_without_asking_billing()
    {
        ServeCall(BillingJson.Call(CallId));
        using var client = await site.SignInAsync("Théo Trésorier", ["treasurer"]);

        var page = await (await PayAsync(client, "beaucoup")).ReadPageAsync();

        Assert.Contains("<span class=\"erreur-champ\" id=\"Payment_Amount-erreur\">Indiquez le montant reçu en euros, par exemple 184,50.</span>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(site.Stub.ApiRequests, request => request.Method == "POST");
    }

    [Fact]
    public async Task Billings_refusal_of_an_overpayment_shows_beside_the_amount()
    {
        site.Stub.Api = request => (request.Method, request.PathAndQuery) switch
        {
            ("GET", var path) when path == $"{Api}/{CallId}" => new StubAnswer(200, BillingJson.Call(CallId)),
            ("POST", _) => new StubAnswer(400, BillingJson.ValidationProblem(new()
            {
                ["amountCents"] = ["Le paiement de 700 € dépasse le reste dû de 672 € : un trop-perçu est refusé."],
            })),
            _ => new StubAnswer(404, new { title = "Introuvable.", status = 404 }),
        };
        using var client = await site.SignInAsync("Théo Trésorier", ["treasurer"]);

        var page = await (await PayAsync(client, "700")).ReadPageAsync();

        Assert.Contains("<span class=\"erreur-champ\" id=\"Payment_Amount-erreur\">Le paiement de 700 € dépasse le reste dû de 672 € : un trop-perçu est refusé.</span>", page, StringComparison.Ordinal);
        Assert.Matches("<input[^>]*id=\"Payment_Amount\"[^>]*value=\"700\"", page);
        using var body = JsonDocument.Parse(Assert.Single(site.Stub.ApiRequests, request => request.Method == "POST").Body);
        Assert.Equal(70000, body.RootElement.GetProperty("amountCents").GetInt64());
    }

    [Fact]
    public async Task The_board_sees_the_payments_without_the_payment_form_and_a_receipts_pdf_is_sent_on()
    {
        site.Stub.Api = request => (request.Method, request.PathAndQuery) switch
        {
            ("GET", var path) when path == $"{Api}/{CallId}" => new StubAnswer(200, BillingJson.Call(CallId, status: "partially_paid", paidCents: 20000, payments: [BillingJson.Payment(20000)])),
            ("GET", var path) when path == $"/api/billing/receipts/{ReceiptId}/pdf" => StubAnswer.File(Pdf, "application/pdf"),
            _ => new StubAnswer(404, new { title = "Introuvable.", status = 404 }),
        };
        using var board = await site.SignInAsync("Bérénice Bureau", ["board"]);

        var page = await (await board.GetAsync(CallPage)).ReadPageAsync();
        var receipt = await board.GetAsync($"{Page}/recus/{ReceiptId}/pdf");

        Assert.Contains("<td>Chèque 0001</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Payment", page, StringComparison.Ordinal);
        Assert.Equal("application/pdf", receipt.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await receipt.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await PayAsyncWithoutForm(board)).StatusCode);
    }

    private async Task<HttpResponseMessage> PayAsyncWithoutForm(HttpClient client)
    {
        var token = Html.AntiforgeryToken(await (await client.GetAsync(CallPage)).ReadPageAsync());
        return await client.PostAsync($"{CallPage}?handler=Payment", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Payment.Amount"] = "10", ["Payment.PaidOn"] = "2026-02-10", ["Payment.Method"] = "card", ["__RequestVerificationToken"] = token,
        }));
    }

    [Fact]
    public async Task An_unknown_call_is_the_sites_404()
    {
        site.Stub.Api = _ => new StubAnswer(404, new { title = "Introuvable.", status = 404 });
        using var client = await site.SignInAsync("Théo Trésorier", ["treasurer"]);

        var response = await client.GetAsync($"{Page}/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Page introuvable</h1>", await response.ReadPageAsync(), StringComparison.Ordinal);
    }
}
