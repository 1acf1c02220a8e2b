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
        site.Stub.Api = _ => new StubAnswer(200, Interest(card: Card(), status: "agreed", statusLabel: "Accepté par le candidat", contact: true));
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
