using System.Net;
using System.Text.Json;

namespace Site.Tests;

/// <summary>« Je suis intéressé », « Mes intérêts » and an interest's page: a member company proposes a contact; once the candidate agrees, their contact and documents.</summary>
[Collection(SiteCollection.Name)]
public sealed class TalentPoolInterestsTests(SiteFixture site) : IDisposable
{
    private const string Cards = "/api/candidates/pool/cards";

    private const string Interests = "/api/candidates/pool/interests";

    private const string InterestsPage = "/espace-membre/vivier/interets";

    private const string AlreadyInterested = "Votre organisme a déjà manifesté son intérêt pour ce candidat : retrouvez-le dans vos intérêts.";

    private static readonly Guid CardId = Guid.Parse("0193a0b1-0000-7000-8000-0000000000c1");

    private static readonly Guid InterestId = Guid.Parse("0193a0b1-0000-7000-8000-0000000000e1");

    private static readonly Guid DocumentId = Guid.Parse("0193a0b1-0000-7000-8000-0000000000d1");

    private static readonly string CardPage = $"/espace-membre/vivier/{CardId}";

    private static readonly string InterestPage = $"{InterestsPage}/{InterestId}";

    private static readonly DateTimeOffset Published = new(2026, 12, 10, 9, 0, 0, TimeSpan.Zero);

    public void Dispose() => site.Stub.Reset();

    private static object Card(Guid? id = null, string firstName = "Élodie", string status = "published") => new
    {
        id = id ?? CardId,
        firstName,
        targetJobs = new[] { "Développeuse web", "Intégratrice" },
        skills = new[] { new { kind = "Technique", name = "JavaScript", level = "Pratique" } },
        softSkills = new[] { "Rigueur" },
        summary = "Dix ans de commerce, puis une reconversion dans le développement web.",
        experienceYears = 12,
        qualificationLevel = "Niveau 5 (bac+2 : BTS, DUT)",
        territory = "Alsace",
        mobility = new { departements = Array.Empty<string>(), maximumDistanceKm = (int?)null },
        contractTypes = new[] { "CDI" },
        availability = new { from = (string?)null, label = "Immédiate" },
        status = new { code = status, label = status, since = Published },
        publishedAt = Published,
    };

    /// <summary>An interest as the API gives it; <paramref name="contact"/> and documents only when told.</summary>
    private static object Interest(Guid? id = null, object? card = null, string status = "pending", string statusLabel = "En attente de la réponse du candidat",
        bool contact = false, string message = "Nous recrutons une développeuse web à Strasbourg.") => new
    {
        id = id ?? InterestId,
        card,
        organisationName = "Numéric Conseil",
        recruiterName = "Rita Recruteuse",
        message,
        status,
        statusLabel,
        createdAt = Published.AddDays(3),
        answeredAt = status == "pending" ? (DateTimeOffset?)null : Published.AddDays(4),
        answeredBy = status == "pending" ? null : "candidate",
        contact = contact ? new { firstName = "Élodie", lastName = "Martin", email = "elodie.martin@exemple.fr", phone = "+33 3 87 12 34 56", city = "Strasbourg" } : null,
        documents = contact
            ? new object[]
            {
                new
                {
                    id = DocumentId, dossierId = Guid.NewGuid(), kind = "Curriculum Vitae", fileName = "cv-elodie.pdf", contentType = "application/pdf",
                    size = 120_832L, sha256 = new string('a', 64), uploadedAt = Published, uploadedByClientId = "apec", uploadedBy = "Système du partenaire (apec)",
                },
            }
            : [],
    };

    private static StubAnswer CardOr(StubRequest request, Func<StubRequest, StubAnswer> other) =>
        request.Method == "GET" && request.PathAndQuery == $"{Cards}/{CardId}" ? new StubAnswer(200, Card()) : other(request);

    private static async Task<HttpResponseMessage> PostInterestAsync(HttpClient client, string message)
    {
        var form = await (await client.GetAsync(CardPage)).ReadPageAsync();
        return await client.PostAsync(CardPage, new FormUrlEncodedContent(
            [KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(form)), KeyValuePair.Create("Interest.Message", message)]));
    }

    // — « Je suis intéressé » —

    [Fact]
    public async Task The_card_page_offers_the_interest_form()
    {
        site.Stub.Api = request => CardOr(request, _ => new StubAnswer(404));
        using var client = await site.SignInAsync("Rita Recruteuse", ["recruiter"]);

        var page = await (await client.GetAsync(CardPage)).ReadPageAsync();

        Assert.Contains("<h2 id=\"interet\">Je suis intéressé</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" aria-labelledby=\"interet\">", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Interest_Message\">Votre message au candidat *</label>", page, StringComparison.Ordinal);
        Assert.Matches("<textarea[^>]*name=\"Interest.Message\"", page);
        Assert.Contains("<button type=\"submit\">Je suis intéressé</button>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_interest_posts_the_message_and_goes_to_the_new_interests_page_with_a_message()
    {
        var created = Guid.NewGuid();
        site.Stub.Api = request => CardOr(request, r => r.Method == "POST" && r.PathAndQuery == $"{Cards}/{CardId}/interests"
            ? new StubAnswer(201, Interest(created, Card()))
            : r.PathAndQuery == $"{Interests}/{created}" ? new StubAnswer(200, Interest(created, Card())) : new StubAnswer(404));
        using var client = await site.SignInAsync("Rita Recruteuse", ["recruiter"], accessToken: "recruiter-token");

        var response = await PostInterestAsync(client, "  Nous recrutons une développeuse web à Strasbourg.  ");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{InterestsPage}/{created}", response.Headers.Location?.ToString());
        var post = Assert.Single(site.Stub.ApiRequests, request => request.Method == "POST");
        Assert.Equal("Bearer recruiter-token", post.Authorization);
        using (var body = JsonDocument.Parse(post.Body))
        {
            Assert.Equal("Nous recrutons une développeuse web à Strasbourg.", body.RootElement.GetProperty("message").GetString());
        }

        var after = await (await client.GetAsync(response.Headers.Location!.ToString())).ReadPageAsync();
        Assert.Contains("<p class=\"notice\" role=\"status\">Votre intérêt est enregistré : le candidat reçoit votre message par courriel", after, StringComparison.Ordinal);
        Assert.Contains("<h1>Votre intérêt pour Élodie</h1>", after, StringComparison.Ordinal);
        // Once only.
        var again = await (await client.GetAsync(response.Headers.Location!.ToString())).ReadPageAsync();
        Assert.DoesNotContain("Votre intérêt est enregistré", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interest_already_recorded_shows_the_apis_409_with_a_link_to_my_interests()
    {
        site.Stub.Api = request => CardOr(request, _ => new StubAnswer(409, new { title = "Conflit.", status = 409, detail = AlreadyInterested }));
        using var client = await site.SignInAsync("Rita Recruteuse", ["recruiter"]);

        var response = await PostInterestAsync(client, "Bonjour Élodie.");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains($"<p class=\"warning\" role=\"alert\" id=\"Interest\">{AlreadyInterested} <a href=\"{InterestsPage}\">Mes intérêts</a></p>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Conflit.", page, StringComparison.Ordinal);
        Assert.Contains("Bonjour Élodie.</textarea>", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Élodie — Développeuse web ; Intégratrice</h1>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_apis_message_about_the_text_shows_beside_it_and_the_text_is_kept()
    {
        var tooLong = new string('x', 2001);
        site.Stub.Api = request => CardOr(request, _ => new StubAnswer(400, new
        {
            title = "La demande contient des erreurs.", status = 400,
            errors = new Dictionary<string, string[]> { ["message"] = ["Le message au candidat ne doit pas dépasser 2000 caractères."] },
        }));
        using var client = await site.SignInAsync("Rita Recruteuse", ["recruiter"]);

        var response = await PostInterestAsync(client, tooLong);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Interest_Message-erreur\">Le message au candidat ne doit pas dépasser 2000 caractères.</span>", page, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#Interest_Message\">Le message au candidat ne doit pas dépasser 2000 caractères.</a></li>", page, StringComparison.Ordinal);
        Assert.Matches($"<textarea[^>]*aria-describedby=\"Interest_Message-aide Interest_Message-erreur\"[^>]*>\\s*{tooLong}</textarea>", page);
    }

    [Fact]
    public async Task An_interest_in_a_card_that_left_the_pool_gets_the_404_page()
    {
        site.Stub.Api = request => CardOr(request, _ => new StubAnswer(404, new { title = "Introuvable.", status = 404 }));
        using var client = await site.SignInAsync("Rita Recruteuse", ["recruiter"]);

        var response = await PostInterestAsync(client, "Bonjour.");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    // — « Mes intérêts » —

    [Fact]
    public async Task My_interests_lists_the_organisations_interests_with_their_cards_paged()
    {
        var other = Guid.NewGuid();
        var hired = Guid.NewGuid();
        site.Stub.Api = _ => new StubAnswer(200, new
        {
            items = new[]
            {
                Interest(card: Card(), status: "agreed", statusLabel: "Accepté par le candidat"),
                Interest(other, Card(hired, "Jonas", "hired"), message: "Un poste <b>d'admin</b> réseau."),
            },
            page = 2, pageSize = 20, total = 42,
        });
        using var client = await site.SignInAsync("Rémi Référent", ["referent"], accessToken: "referent-token");

        var response = await client.GetAsync($"{InterestsPage}?page=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(site.Stub.ApiRequests);
        Assert.Equal($"{Interests}?page=2&pageSize=20", request.PathAndQuery);
        Assert.Equal("Bearer referent-token", request.Authorization);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Contains("Un poste &lt;b&gt;d", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", raw, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(raw);
        Assert.Contains("<h1>Mes intérêts</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<caption>42 intérêts</caption>", page, StringComparison.Ordinal);
        Assert.Matches(
            $"<a href=\"{CardPage}\">Élodie — Développeuse web ; Intégratrice</a>\\s*</td>\\s*<td class=\"motif\">Nous recrutons une développeuse web à Strasbourg.</td>\\s*<td>Accepté par le candidat</td>\\s*<td>13/12/2026 à 10:00</td>\\s*<td><a href=\"{InterestPage}\">Voir l'intérêt pour Élodie</a></td>",
            page);
        // A card no longer in the pool is named without a link to its page (which would be a 404).
        Assert.Contains("Jonas — Développeuse web ; Intégratrice (fiche retirée du vivier)", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/espace-membre/vivier/{hired}\"", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{InterestsPage}/{other}\">Voir l'intérêt pour Jonas</a>", page, StringComparison.Ordinal);
        Assert.Contains("<td>En attente de la réponse du candidat</td>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"?page=1\">Page précédente</a>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"?page=3\">Page suivante</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pools_search_page_links_my_interests()
    {
        site.Stub.Api = _ => new StubAnswer(200, new { items = Array.Empty<object>(), page = 1, pageSize = 20, total = 0 });
        using var client = await site.SignInAsync("Rita Recruteuse", ["recruiter"]);

        var search = await (await client.GetAsync("/espace-membre/vivier")).ReadPageAsync();
        var none = await (await client.GetAsync(InterestsPage)).ReadPageAsync();

        Assert.Contains($"<a href=\"{InterestsPage}\">Mes intérêts</a>", search, StringComparison.Ordinal);
        Assert.Contains("Votre organisme n'a encore manifesté son intérêt pour aucun candidat.", none, StringComparison.Ordinal);
    }

    // — An interest's page —

    [Fact]
    public async Task Before_the_candidate_agrees_the_interest_page_says_the_contact_comes_then_and_shows_none()
    {
        // Even were the API to give a contact with a pending interest, the page would not show it.
        site.Stub.Api = _ => new StubAnswer(200, Interest(card: Card(), contact: true));
        using var client = await site.SignInAsync("Rita Recruteuse", ["recruiter"], accessToken: "recruiter-token");

        var response = await client.GetAsync(InterestPage);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(site.Stub.ApiRequests);
        Assert.Equal($"{Interests}/{InterestId}", request.PathAndQuery);
        Assert.Equal("Bearer recruiter-token", request.Authorization);
        var page = await response.ReadPageAsync();
        Assert.Contains("<dt>Réponse du candidat</dt><dd>En attente de la réponse du candidat</dd>", page, StringComparison.Ordinal);
        Assert.Contains("vous seront communiqués sur cette page dès qu'il aura accepté d'être contacté", page, StringComparison.Ordinal);
        Assert.Contains("<p class=\"motif\">Nous recrutons une développeuse web à Strasbourg.</p>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Martin", page, StringComparison.Ordinal);
        Assert.DoesNotContain("mailto:", page, StringComparison.Ordinal);
        Assert.DoesNotContain("cv-elodie.pdf", page, StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_agreed_the_interest_page_shows_the_candidates_contact_and_documents()
    {
        site.Stub.Api = AgreedOr(Sheet(), _ => new StubAnswer(500));
        using var client = await site.SignInAsync("Rita Recruteuse", ["recruiter"]);

        var response = await client.GetAsync(InterestPage);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<dt>Réponse du candidat</dt><dd>Accepté par le candidat</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Prénom</dt><dd>Élodie</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Nom</dt><dd>Martin</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Courriel</dt><dd><a href=\"mailto:elodie.martin@exemple.fr\">elodie.martin@exemple.fr</a></dd>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"tel:+33387123456\">+33 3 87 12 34 56</a>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Ville</dt><dd>Strasbourg</dd>", page, StringComparison.Ordinal);
        Assert.Matches(
            $"<td>Curriculum Vitae</td>\\s*<td><a href=\"{InterestPage}/documents/{DocumentId}\" download>cv-elodie.pdf</a></td>\\s*<td>118 Ko</td>",
            page);
        Assert.DoesNotContain("dès qu'il aura accepté", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{CardPage}\">Élodie — Développeuse web ; Intégratrice</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declined_interest_says_the_contact_will_not_come()
    {
        site.Stub.Api = _ => new StubAnswer(200, Interest(card: null, status: "declined", statusLabel: "Refusé par le candidat"));
        using var client = await site.SignInAsync("Rita Recruteuse", ["recruiter"]);

        var page = await (await client.GetAsync(InterestPage)).ReadPageAsync();

        Assert.Contains("Le candidat ne souhaite pas être contacté par votre organisme", page, StringComparison.Ordinal);
        Assert.Matches("<dt>Candidat</dt>\\s*<dd>\\s*Fiche retirée du vivier\\s*</dd>", page);
        Assert.DoesNotContain("mailto:", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interest_the_api_does_not_know_gets_the_404_page()
    {
        site.Stub.Api = _ => new StubAnswer(404, new { title = "Introuvable.", status = 404, detail = "Cet intérêt n'existe pas, ou il n'est pas celui de votre organisme." });
        using var client = await site.SignInAsync("Rita Recruteuse", ["recruiter"]);

        var response = await client.GetAsync(InterestPage);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Page introuvable</h1>", await response.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_of_an_agreed_interest_is_streamed_as_an_attachment_and_one_not_available_is_not_found()
    {
        var bytes = "%PDF-1.7 le CV d'Élodie"u8.ToArray();
        site.Stub.Api = request => request.PathAndQuery == $"{Interests}/{InterestId}/documents/{DocumentId}"
            ? StubAnswer.File(bytes, "application/pdf") with
            {
                Headers = new Dictionary<string, string> { ["Content-Disposition"] = "attachment; filename=cv-elodie.pdf" },
            }
            : new StubAnswer(404, new { title = "Introuvable.", status = 404 });
        using var client = await site.SignInAsync("Rita Recruteuse", ["recruiter"], accessToken: "recruiter-token");

        var response = await client.GetAsync($"{InterestPage}/documents/{DocumentId}");
        var unavailable = await client.GetAsync($"{InterestPage}/documents/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer recruiter-token", site.Stub.ApiRequests.First().Authorization);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(("attachment", "cv-elodie.pdf"), (response.Content.Headers.ContentDisposition?.DispositionType, response.Content.Headers.ContentDisposition?.FileName));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, unavailable.StatusCode);
    }

    // — The follow-up sheet (« fiche de suivi ») —

    private const string NoSheet = "Il n'y a pas (encore) de fiche de suivi : elle s'ouvre quand le candidat accepte le contact avec votre organisme.";

    private static object Sheet(string status = "open", string statusLabel = "Recrutement en cours", params object[] entries) => new
    {
        interestId = InterestId, organisationName = "Numéric Conseil", status, statusLabel,
        openedAt = Published.AddDays(4), lastNewsAt = Published.AddDays(6), entries,
    };

    private static object Line(long id, string kind, string kindLabel, string date, string? interviewKind = null, string? outcome = null,
        string? contractType = null, string? startDate = null, string? reason = null) => new
    {
        id, kind, kindLabel, date, interviewKind, outcome, contractType, startDate, reason, author = "Rita Recruteuse", recordedAt = Published.AddDays(6),
    };

    /// <summary>An agreed interest, its sheet (a 404 when null), and <paramref name="post"/> for a line.</summary>
    private static Func<StubRequest, StubAnswer> AgreedOr(object? sheet, Func<StubRequest, StubAnswer> post) => request =>
        (request.Method, request.PathAndQuery) switch
        {
            ("GET", var path) when path == $"{Interests}/{InterestId}" =>
                new StubAnswer(200, Interest(card: Card(), status: "agreed", statusLabel: "Accepté par le candidat", contact: true)),
            ("GET", var path) when path == $"{Interests}/{InterestId}/sheet" =>
                sheet is null ? new StubAnswer(404, new { title = "Introuvable.", status = 404, detail = NoSheet }) : new StubAnswer(200, sheet),
            ("POST", _) => post(request),
            _ => new StubAnswer(404, new { title = "Introuvable.", status = 404 }),
        };

    private static async Task<HttpResponseMessage> PostEntryAsync(HttpClient client, params (string Name, string Value)[] fields)
    {
        var form = await (await client.GetAsync(InterestPage)).ReadPageAsync();
        return await client.PostAsync($"{InterestPage}?handler=Entry", new FormUrlEncodedContent(
            [KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(form)), .. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))]));
    }

    /// <summary>Every field of the form filled: only the kind's are sent.</summary>
    private static (string, string)[] AllFields(string kind) =>
    [
        ("Entry.Kind", kind), ("Entry.Date", "2026-12-20"), ("Entry.InterviewKind", "Visioconférence"), ("Entry.Outcome", "  Très bon échange.  "),
        ("Entry.ContractType", "CDI"), ("Entry.StartDate", "2027-01-04"), ("Entry.Reason", "Le poste est pourvu en interne."),
    ];

    [Fact]
    public async Task Once_agreed_the_interest_page_shows_the_follow_up_sheet_its_lines_and_the_form_to_add_one()
    {
        site.Stub.Api = AgreedOr(Sheet(entries:
        [
            Line(1, "interview", "Entretien", "2026-12-15", interviewKind: "Téléphone", outcome: "Premier échange <b>positif</b>."),
            Line(2, "proposal", "Proposition", "2026-12-18", outcome: "CDI de développeuse, 38 k€."),
        ]), _ => new StubAnswer(500));
        using var client = await site.SignInAsync("Rita Recruteuse", ["recruiter"], accessToken: "recruiter-token");

        var response = await client.GetAsync(InterestPage);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sheet = Assert.Single(site.Stub.ApiRequests, request => request.PathAndQuery == $"{Interests}/{InterestId}/sheet");
        Assert.Equal("Bearer recruiter-token", sheet.Authorization);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<b>positif</b>", raw, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(raw);
        Assert.Contains("<h2 id=\"suivi\">Fiche de suivi</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Statut</dt><dd>Recrutement en cours</dd>", page, StringComparison.Ordinal);
        Assert.Matches("<td>15/12/2026</td>\\s*<td>Entretien</td>\\s*<td class=\"motif\">Téléphone — Premier échange <b>positif</b>.</td>\\s*<td>Rita Recruteuse</td>", page);
        Assert.Matches("<td>18/12/2026</td>\\s*<td>Proposition</td>\\s*<td class=\"motif\">CDI de développeuse, 38 k€.</td>", page);
        Assert.Matches($"<form method=\"post\" aria-labelledby=\"nouvelle-ligne\" id=\"Entry\" tabindex=\"-1\" action=\"{InterestPage}\\?handler=Entry\">", page);
        Assert.Contains("<option value=\"interview\">Entretien</option>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"end\">Fin sans recrutement</option>", page, StringComparison.Ordinal);
        Assert.Contains("<option>Sur site</option>", page, StringComparison.Ordinal);
        Assert.Contains("<option>Alternance</option>", page, StringComparison.Ordinal);
        Assert.Matches("<input type=\"date\"[^>]*name=\"Entry.StartDate\"", page);
        Assert.Contains("<button type=\"submit\">Ajouter à la fiche de suivi</button>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_the_sheet_opens_the_page_says_the_apis_sentence_and_offers_no_form()
    {
        site.Stub.Api = AgreedOr(null, _ => new StubAnswer(500));
        using var client = await site.SignInAsync("Rita Recruteuse", ["recruiter"]);

        var page = await (await client.GetAsync(InterestPage)).ReadPageAsync();

        Assert.Contains($"<p class=\"warning\" role=\"alert\">{NoSheet}</p>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Entry", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Nom</dt><dd>Martin</dd>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("interview", "2026-12-20", "Visioconférence", null, null, null)]
    [InlineData("proposal", "2026-12-20", null, null, null, null)]
    [InlineData("hire", "2026-12-20", null, "CDI", "2027-01-04", null)]
    [InlineData("end", "2026-12-20", null, null, null, "Le poste est pourvu en interne.")]
    public async Task A_line_posts_the_fields_of_its_kind_and_comes_back_with_a_message(
        string kind, string date, string? interviewKind, string? contractType, string? startDate, string? reason)
    {
        site.Stub.Api = AgreedOr(Sheet(), r => r.PathAndQuery == $"{Interests}/{InterestId}/sheet/entries" ? new StubAnswer(201, Sheet()) : new StubAnswer(404));
        using var client = await site.SignInAsync("Rita Recruteuse", ["recruiter"], accessToken: "recruiter-token");

        var response = await PostEntryAsync(client, AllFields(kind));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{InterestPage}#suivi", response.Headers.Location?.ToString());
        var post = Assert.Single(site.Stub.ApiRequests, request => request.Method == "POST");
        Assert.Equal($"{Interests}/{InterestId}/sheet/entries", post.PathAndQuery);
        Assert.Equal("Bearer recruiter-token", post.Authorization);
        using (var body = JsonDocument.Parse(post.Body))
        {
            var json = body.RootElement;
            Assert.Equal(kind, json.GetProperty("kind").GetString());
            Assert.Equal(date, json.GetProperty("date").GetString());
            Assert.Equal(interviewKind, json.GetProperty("interviewKind").GetString());
            Assert.Equal("Très bon échange.", json.GetProperty("outcome").GetString());
            Assert.Equal(contractType, json.GetProperty("contractType").GetString());
            Assert.Equal(startDate, json.GetProperty("startDate").GetString());
            Assert.Equal(reason, json.GetProperty("reason").GetString());
        }

        var after = await (await client.GetAsync(InterestPage)).ReadPageAsync();
        Assert.Contains("<p class=\"notice\" role=\"status\">La ligne est ajoutée à la fiche de suivi.</p>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_without_a_kind_is_refused_without_calling_the_api()
    {
        site.Stub.Api = AgreedOr(Sheet(), _ => new StubAnswer(500));
        using var client = await site.SignInAsync("Rita Recruteuse", ["recruiter"]);

        var page = await (await PostEntryAsync(client, ("Entry.Kind", ""), ("Entry.Outcome", "Gardé."))).ReadPageAsync();

        Assert.DoesNotContain(site.Stub.ApiRequests, request => request.Method == "POST");
        Assert.Contains("<span class=\"erreur-champ\" id=\"Entry_Kind-erreur\">Choisissez le type de ligne.</span>", page, StringComparison.Ordinal);
        Assert.Matches("<textarea[^>]*name=\"Entry.Outcome\"[^>]*>\\s*Gardé.</textarea>", page);
    }

    [Fact]
    public async Task The_apis_messages_show_beside_their_fields_and_what_was_typed_is_kept()
    {
        site.Stub.Api = AgreedOr(Sheet(), _ => new StubAnswer(400, new
        {
            title = "La demande contient des erreurs.", status = 400,
            errors = new Dictionary<string, string[]>
            {
                ["contractType"] = ["Le type de contrat doit être l'un de : CDI, CDD, Intérim, Alternance, Stage, Indépendant."],
                ["startDate"] = ["La date d'embauche est obligatoire."],
            },
        }));
        using var client = await site.SignInAsync("Rita Recruteuse", ["recruiter"]);

        var response = await PostEntryAsync(client, ("Entry.Kind", "hire"), ("Entry.Date", "2026-12-20"), ("Entry.Outcome", "Embauchée après la période d'essai."));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Entry_ContractType-erreur\">Le type de contrat doit être l'un de : CDI, CDD, Intérim, Alternance, Stage, Indépendant.</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"erreur-champ\" id=\"Entry_StartDate-erreur\">La date d'embauche est obligatoire.</span>", page, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#Entry_StartDate\">La date d'embauche est obligatoire.</a></li>", page, StringComparison.Ordinal);
        Assert.Contains("<option selected=\"selected\" value=\"hire\">Recrutement</option>", page, StringComparison.Ordinal);
        Assert.Matches("<input type=\"date\"[^>]*name=\"Entry.Date\" value=\"2026-12-20\"", page);
        Assert.Matches("<textarea[^>]*name=\"Entry.Outcome\"[^>]*>\\s*Embauchée après la période d'essai.</textarea>", page);
    }

    [Fact]
    public async Task A_line_on_a_sheet_closed_meanwhile_shows_the_apis_409_at_the_top_of_the_form()
    {
        const string Closed = "Cette fiche de suivi est close (« Candidat recruté ») : on n'y ajoute plus rien.";
        site.Stub.Api = AgreedOr(Sheet(), _ => new StubAnswer(409, new { title = "Conflit.", status = 409, detail = Closed }));
        using var client = await site.SignInAsync("Rita Recruteuse", ["recruiter"]);

        var page = await (await PostEntryAsync(client, ("Entry.Kind", "end"), ("Entry.Reason", "Trop tard."))).ReadPageAsync();

        Assert.Contains($"<span class=\"erreur-champ\" id=\"Entry-erreur\">{Closed}</span>", page, StringComparison.Ordinal);
        Assert.Contains($"<li><a href=\"#Entry\">{Closed}</a></li>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Conflit.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_sheet_shows_its_lines_and_no_form()
    {
        site.Stub.Api = AgreedOr(Sheet("hired", "Candidat recruté",
        [
            Line(1, "interview", "Entretien", "2026-12-15", interviewKind: "Sur site"),
            Line(2, "hire", "Recrutement", "2026-12-20", contractType: "CDI", startDate: "2027-01-04"),
        ]), _ => new StubAnswer(500));
        using var client = await site.SignInAsync("Rita Recruteuse", ["recruiter"]);

        var page = await (await client.GetAsync(InterestPage)).ReadPageAsync();

        Assert.Contains("<dt>Statut</dt><dd>Candidat recruté</dd>", page, StringComparison.Ordinal);
        Assert.Matches("<td>20/12/2026</td>\\s*<td>Recrutement</td>\\s*<td class=\"motif\">CDI, embauche le 04/01/2027</td>", page);
        Assert.Contains("La fiche de suivi est close (« Candidat recruté ») : on n'y ajoute plus rien.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Entry", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Ajouter à la fiche de suivi", page, StringComparison.Ordinal);
    }

    // — Who may see the pages —

    public static TheoryData<string> InterestPages => new() { InterestsPage, InterestPage, $"{InterestPage}/documents/{DocumentId}" };

    [Theory]
    [MemberData(nameof(InterestPages))]
    public async Task A_person_neither_recruiter_nor_referent_is_refused_the_interests(string path)
    {
        site.Stub.Api = _ => StubAnswer.File([1, 2, 3], "application/pdf");
        using var others = await site.SignInAsync("Claire Membre", ["commission", "employment_partner", "board", "treasurer", "admin"]);
        using var anonymous = site.CreateClient();

        var refused = await others.GetAsync(path);
        var login = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("<h1>Accès refusé</h1>", await refused.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith(site.Stub.Issuer + "connect/authorize?", login.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Empty(site.Stub.ApiRequests);
    }

    [Fact]
    public async Task A_person_neither_recruiter_nor_referent_cannot_post_an_interest()
    {
        site.Stub.Api = _ => new StubAnswer(201, Interest(card: Card()));
        using var client = await site.SignInAsync("Claire Membre", ["commission", "admin"]);

        var response = await client.PostAsync(CardPage, new FormUrlEncodedContent([KeyValuePair.Create("Interest.Message", "Bonjour.")]));

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"refused, not {response.StatusCode}");
        Assert.Empty(site.Stub.ApiRequests);
    }
}
