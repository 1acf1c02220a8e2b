using System.Net;
using Nege.Contracts.Candidates;

namespace Site.Tests;

/// <summary>« Vivier des candidats »: the recruiters and referents of a current member search the pseudonymous cards and open one.</summary>
[Collection(SiteCollection.Name)]
public sealed class TalentPoolPagesTests(SiteFixture site) : IDisposable
{
    private const string Api = "/api/candidates/pool/cards";

    private const string SearchPage = "/espace-membre/vivier";

    private const string NotCurrentMember =
        "Votre organisme n'est pas (ou plus) adhérent de l'association : le vivier est réservé aux organismes à jour de leur adhésion.";

    private static readonly Guid CardId = Guid.Parse("0193a0b1-0000-7000-8000-0000000000c1");

    private static readonly string CardPage = $"{SearchPage}/{CardId}";

    private static readonly DateTimeOffset Published = new(2026, 12, 10, 9, 0, 0, TimeSpan.Zero);

    public void Dispose() => site.Stub.Reset();

    /// <summary>A card as the API gives it, available from <paramref name="from"/> (null: at once).</summary>
    private static object Card(Guid? id = null, string firstName = "Élodie", string summary = "Dix ans de commerce, puis une reconversion dans le développement web.",
        string status = "published", DateOnly? from = null) => new
    {
        id = id ?? CardId,
        firstName,
        targetJobs = new[] { "Développeuse web", "Intégratrice" },
        skills = new[] { new { kind = "Technique", name = "JavaScript", level = "Pratique" }, new { kind = "Langue", name = "Anglais", level = "B2" } },
        softSkills = new[] { "Rigueur", "Travail en équipe" },
        summary,
        experienceYears = 12,
        qualificationLevel = "Niveau 5 (bac+2 : BTS, DUT)",
        territory = "Alsace",
        mobility = new { departements = new[] { CandidateForm.Departements[0], CandidateForm.Departements[1] }, maximumDistanceKm = 40 },
        contractTypes = new[] { "CDI", "Alternance" },
        availability = from is { } day
            ? new { from = (string?)day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), label = $"À partir du {day:dd/MM/yyyy}" }
            : new { from = (string?)null, label = "Immédiate" },
        status = new { code = status, label = DossierStatuses.Label(status), since = Published },
        publishedAt = Published,
    };

    private static object Hits(object[] items, int page = 1, int total = -1) =>
        new { items, page, pageSize = 20, total = total < 0 ? items.Length : total };

    private static object Hit(object card, string? snippet = null, double? rank = null) => new { card, snippet, rank };

    /// <summary>The query string's parameters in their order, repeated ones repeated.</summary>
    private static List<(string Name, string Value)> Parameters(string pathAndQuery) =>
    [
        .. new Uri(new Uri("http://candidates"), pathAndQuery).Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair.Length > 1 ? pair[1] : ""))),
    ];

    // — The search —

    [Fact]
    public async Task The_search_sends_every_filter_and_the_page_in_the_apis_names_and_the_pager_keeps_them()
    {
        site.Stub.Api = _ => new StubAnswer(200, Hits([Hit(Card())], page: 2, total: 90));
        using var client = await site.SignInAsync("Rita Recruteuse", ["recruiter"], accessToken: "recruiter-token");
        var level = CandidateForm.QualificationLevels[3];
        var departement = CandidateForm.Departements[1];
        var query = string.Join('&',
            "recherche=" + Uri.EscapeDataString(" développeuse web "),
            "metier=" + Uri.EscapeDataString("Développeur"),
            "competences=" + Uri.EscapeDataString("C#, SQL ,, Docker"),
            "territoire=Alsace",
            "departement=" + Uri.EscapeDataString(departement),
            "contrat=CDI",
            "niveau=" + Uri.EscapeDataString(level),
            "disponible=2027-01-04",
            "tri=relevance",
            "page=2");

        var response = await client.GetAsync($"{SearchPage}?{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(site.Stub.ApiRequests);
        Assert.Equal("GET", request.Method);
        Assert.StartsWith(Api + "?", request.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("Bearer recruiter-token", request.Authorization);
        Assert.Equal(
            [
                ("q", "développeuse web"), ("targetJob", "Développeur"), ("skill", "C#"), ("skill", "SQL"), ("skill", "Docker"),
                ("territory", "Alsace"), ("departement", departement), ("contractType", "CDI"), ("qualificationLevel", level),
                ("availableBy", "2027-01-04"), ("sort", "relevance"), ("page", "2"), ("pageSize", "20"),
            ],
            Parameters(request.PathAndQuery));

        var page = await response.ReadPageAsync();
        Assert.Contains("<h1>Vivier des candidats</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"resultats\">90 fiches</h2>", page, StringComparison.Ordinal);
        Assert.Contains("Page 2 sur 5", page, StringComparison.Ordinal);
        var filters = "?recherche=d%C3%A9veloppeuse%20web&metier=D%C3%A9veloppeur&competences=C%23%2C%20SQL%20%2C%2C%20Docker&territoire=Alsace"
            + $"&departement={Uri.EscapeDataString(departement)}&contrat=CDI&niveau={Uri.EscapeDataString(level)}&disponible=2027-01-04&tri=relevance";
        Assert.Contains($"<a href=\"{filters}&page=1\">Page précédente</a>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{filters}&page=3\">Page suivante</a>", page, StringComparison.Ordinal);
        // The form shows the search as typed.
        Assert.Matches("<input type=\"search\" id=\"Text\" name=\"recherche\" value=\"développeuse web\"", page);
        Assert.Contains("name=\"competences\" value=\"C#, SQL ,, Docker\"", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Alsace\" selected=\"selected\">Alsace</option>", page, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{departement}\" selected=\"selected\">{departement}</option>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"CDI\" selected=\"selected\">CDI</option>", page, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{level}\" selected=\"selected\">{level}</option>", page, StringComparison.Ordinal);
        Assert.Contains("name=\"disponible\" value=\"2027-01-04\"", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"relevance\" selected=\"selected\">Pertinence</option>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_filters_the_search_asks_for_the_first_page_and_offers_the_apis_lists()
    {
        site.Stub.Api = _ => new StubAnswer(200, Hits([]));
        using var client = await site.SignInAsync("Rita Référente", ["referent"]);

        var page = await (await client.GetAsync(SearchPage)).ReadPageAsync();

        Assert.Equal($"{Api}?page=1&pageSize=20", Assert.Single(site.Stub.ApiRequests).PathAndQuery);
        Assert.Contains("<h2 id=\"resultats\">Aucune fiche</h2>", page, StringComparison.Ordinal);
        Assert.Contains("Aucune fiche ne correspond à ces critères.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Page 1 sur", page, StringComparison.Ordinal);
        Assert.All(CandidateForm.Territories, territory => Assert.Contains($"<option value=\"{territory}\">", page, StringComparison.Ordinal));
        Assert.All(CandidateForm.Departements, departement => Assert.Contains($"<option value=\"{departement}\">", page, StringComparison.Ordinal));
        Assert.All(CandidateForm.ContractTypes, contract => Assert.Contains($"<option value=\"{contract}\">", page, StringComparison.Ordinal));
        Assert.All(CandidateForm.QualificationLevels, level => Assert.Contains($"<option value=\"{level}\">", page, StringComparison.Ordinal));
        Assert.Contains("<option value=\"date\">Date de publication (les plus récentes d'abord)</option>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_result_is_a_card_whose_snippet_keeps_its_marks_and_encodes_any_other_html()
    {
        var other = Guid.NewGuid();
        site.Stub.Api = _ => new StubAnswer(200, Hits(
        [
            Hit(Card(from: new DateOnly(2027, 1, 4)),
                "Reconversion en <mark>développement</mark> web &amp; mobile <script>alert(1)</script> &lt;b&gt;gras&lt;/b&gt; <b onclick=\"x\">fin</b> <MARK>non</MARK> </mark>seule",
                0.42),
            Hit(Card(other, "Jonas", "Aime <i>Linux</i> & les réseaux.", status: "in_recruitment")),
        ]));
        using var client = await site.SignInAsync("Rita Recruteuse", ["recruiter"]);

        var response = await client.GetAsync($"{SearchPage}?recherche=developpement");
        var raw = await response.Content.ReadAsStringAsync();

        // Only the marks are markup: the tags of the text, escaped by the API or not, are shown as text.
        Assert.Contains(
            "<p class=\"extrait\">Reconversion en <mark>développement</mark> web &amp; mobile &lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;gras&lt;/b&gt; "
            + "&lt;b onclick=&quot;x&quot;&gt;fin&lt;/b&gt; &lt;MARK&gt;non&lt;/MARK&gt; &lt;/mark&gt;seule</p>",
            raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<b onclick", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", raw, StringComparison.Ordinal);
        // Without a snippet, the summary's start, as text.
        Assert.Contains("<p class=\"extrait\">Aime &lt;i&gt;Linux&lt;/i&gt; &amp; les réseaux.</p>", raw, StringComparison.Ordinal);

        var page = WebUtility.HtmlDecode(raw);
        Assert.Contains($"<h3 id=\"fiche-{CardId:N}\"><a href=\"{CardPage}\">Élodie</a> — Développeuse web ; Intégratrice</h3>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{SearchPage}/{other}\">Jonas</a>", page, StringComparison.Ordinal);
        Assert.Contains("<li>JavaScript (Pratique)</li>", page, StringComparison.Ordinal);
        Assert.Contains("<li>Anglais (B2)</li>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Niveau de qualification</dt><dd>Niveau 5 (bac+2 : BTS, DUT)</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Territoire</dt><dd>Alsace</dd>", page, StringComparison.Ordinal);
        Assert.Contains($"<dt>Mobilité</dt><dd>{CandidateForm.Departements[0]}, {CandidateForm.Departements[1]} ; jusqu'à 40 km du domicile</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Types de contrat</dt><dd>CDI ; Alternance</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Disponibilité</dt><dd>À partir du 04/01/2027</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Disponibilité</dt><dd>Immédiate</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Statut</dt><dd>En contact avec une entreprise</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"resultats\">2 fiches</h2>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organisation_that_is_not_a_current_member_is_told_why_instead_of_a_search()
    {
        site.Stub.Api = _ => new StubAnswer(403, new { title = "Accès refusé.", status = 403, detail = NotCurrentMember });
        using var client = await site.SignInAsync("Rita Recruteuse", ["recruiter"]);

        var search = await client.GetAsync($"{SearchPage}?recherche=web");
        var card = await client.GetAsync(CardPage);

        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        var page = await search.ReadPageAsync();
        Assert.Contains($"<p class=\"warning\" role=\"alert\">{NotCurrentMember}</p>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("role=\"search\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Accès refusé", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"resultats\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, card.StatusCode);
        Assert.Contains($"<p class=\"warning\" role=\"alert\">{NotCurrentMember}</p>", await card.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_without_a_message_still_says_who_the_pool_is_for()
    {
        site.Stub.Api = _ => new StubAnswer(403);
        using var client = await site.SignInAsync("Rita Recruteuse", ["recruiter"]);

        var page = await (await client.GetAsync(SearchPage)).ReadPageAsync();

        Assert.Contains("<p class=\"warning\" role=\"alert\">Le vivier est réservé aux recruteurs et référents des organismes adhérents à jour de leur adhésion.</p>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_apis_messages_show_beside_the_filters_and_what_was_typed_is_kept()
    {
        site.Stub.Api = _ => new StubAnswer(400, new
        {
            title = "La demande contient des erreurs.", status = 400,
            errors = new Dictionary<string, string[]>
            {
                ["skill"] = ["Au plus 10 compétences à la fois."],
                ["sort"] = ["Le tri par pertinence demande une recherche (q ou targetJob)."],
                ["q"] = ["La recherche ne doit pas dépasser 200 caractères."],
                ["page"] = ["La page doit être un nombre à partir de 1."],
            },
        });
        using var client = await site.SignInAsync("Rita Recruteuse", ["recruiter"]);

        var response = await client.GetAsync($"{SearchPage}?recherche=trop&competences={Uri.EscapeDataString("a, b, c")}&tri=relevance");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Skills-erreur\">Au plus 10 compétences à la fois.</span>", page, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#Skills\">Au plus 10 compétences à la fois.</a></li>", page, StringComparison.Ordinal);
        Assert.Matches("<input type=\"text\" id=\"Skills\" name=\"competences\" value=\"a, b, c\"\\s+aria-invalid=\"true\" aria-describedby=\"Skills-aide Skills-erreur\"", page);
        Assert.Contains("<span class=\"erreur-champ\" id=\"Sort-erreur\">Le tri par pertinence demande une recherche (q ou targetJob).</span>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"relevance\" selected=\"selected\">Pertinence</option>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"erreur-champ\" id=\"Text-erreur\">La recherche ne doit pas dépasser 200 caractères.</span>", page, StringComparison.Ordinal);
        Assert.Contains("value=\"trop\"", page, StringComparison.Ordinal);
        // A parameter the form has no field for: in the summary at the top.
        Assert.Contains("<li>La page doit être un nombre à partir de 1.</li>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"resultats\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_typed_by_hand_is_read_and_one_that_is_not_a_date_is_said_beside_its_field_without_asking_the_api()
    {
        site.Stub.Api = _ => new StubAnswer(200, Hits([]));
        using var client = await site.SignInAsync("Rita Recruteuse", ["recruiter"]);

        await client.GetAsync($"{SearchPage}?disponible={Uri.EscapeDataString("04/01/2027")}");
        var typed = Assert.Single(site.Stub.ApiRequests);
        site.Stub.ApiRequests.Clear();
        var response = await client.GetAsync($"{SearchPage}?disponible=demain&metier=web");

        Assert.Equal($"{Api}?availableBy=2027-01-04&page=1&pageSize=20", typed.PathAndQuery);
        Assert.Empty(site.Stub.ApiRequests);
        var page = await response.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"AvailableBy-erreur\">Indiquez une date valide (par exemple 04/01/2027).</span>", page, StringComparison.Ordinal);
        Assert.Matches("<input type=\"date\" id=\"AvailableBy\" name=\"disponible\" value=\"demain\"\\s+aria-invalid=\"true\"", page);
        Assert.Contains("name=\"metier\" value=\"web\"", page, StringComparison.Ordinal);
    }

    // — A card —

    [Fact]
    public async Task The_card_page_shows_the_whole_card_and_the_interest_form()
    {
        site.Stub.Api = request => request.PathAndQuery == $"{Api}/{CardId}"
            ? new StubAnswer(200, Card(summary: "Dix ans de commerce.\nPuis une <reconversion> réussie.", from: new DateOnly(2027, 1, 4)))
            : new StubAnswer(404, new { title = "Introuvable.", status = 404 });
        using var client = await site.SignInAsync("Rita Recruteuse", ["recruiter"], accessToken: "recruiter-token");

        var response = await client.GetAsync(CardPage);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(site.Stub.ApiRequests);
        Assert.Equal("Bearer recruiter-token", request.Authorization);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Contains("Puis une &lt;reconversion&gt; réussie.</p>", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<reconversion>", raw, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(raw);
        Assert.Matches("<p class=\"motif\">Dix ans de commerce.\\s+Puis une <reconversion> réussie.</p>", page);
        Assert.Contains("<h1>Élodie — Développeuse web ; Intégratrice</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Prénom</dt><dd>Élodie</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Statut</dt><dd>Disponible</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Disponibilité</dt><dd>À partir du 04/01/2027</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Types de contrat</dt><dd>CDI ; Alternance</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Territoire</dt><dd>Alsace</dd>", page, StringComparison.Ordinal);
        Assert.Contains($"<dt>Mobilité géographique</dt><dd>{CandidateForm.Departements[0]} ; {CandidateForm.Departements[1]}</dd>", page, StringComparison.Ordinal);
        Assert.Matches("<dt>Distance maximale du domicile</dt>\\s*<dd>40 km</dd>", page);
        Assert.Contains("<dt>Niveau de qualification</dt><dd>Niveau 5 (bac+2 : BTS, DUT)</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Expérience</dt><dd>12 ans</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Savoir-être</dt><dd>Rigueur ; Travail en équipe</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Technique</td><td>JavaScript</td><td>Pratique</td></tr>", page, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Langue</td><td>Anglais</td><td>B2</td></tr>", page, StringComparison.Ordinal);
        Assert.Contains("Fiche anonyme publiée le 10/12/2026 à 10:00", page, StringComparison.Ordinal);
        // One form on the card besides the header's logout: « Je suis intéressé » (see TalentPoolInterestsTests).
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(page, "<form ").Count);
        Assert.Contains("<button type=\"submit\">Je suis intéressé</button>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{SearchPage}\">Retour au vivier</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_no_longer_in_the_pool_gets_the_404_page()
    {
        site.Stub.Api = _ => new StubAnswer(404, new { title = "Introuvable.", status = 404, detail = "Cette fiche n'existe pas, ou elle n'est plus dans le vivier." });
        using var client = await site.SignInAsync("Rita Recruteuse", ["recruiter"]);

        var response = await client.GetAsync(CardPage);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Page introuvable</h1>", await response.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Equal($"{Api}/{CardId}", Assert.Single(site.Stub.ApiRequests).PathAndQuery);
    }

    // — Who may see the pages —

    public static TheoryData<string> PoolPages => new() { SearchPage, CardPage };

    [Theory]
    [MemberData(nameof(PoolPages))]
    public async Task An_anonymous_visitor_is_sent_to_log_in(string path)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(site.Stub.Issuer + "connect/authorize?", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Empty(site.Stub.ApiRequests);
    }

    [Theory]
    [MemberData(nameof(PoolPages))]
    public async Task A_person_neither_recruiter_nor_referent_is_refused_even_an_administrator(string path)
    {
        using var others = await site.SignInAsync("Claire Membre", ["commission", "employment_partner", "board", "treasurer"]);
        using var admin = await site.SignInAsync("Ada Admin", ["admin"]);

        var refused = await others.GetAsync(path);
        var adminRefused = await admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("<h1>Accès refusé</h1>", await refused.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, adminRefused.StatusCode);
        Assert.Empty(site.Stub.ApiRequests);
    }

    [Fact]
    public async Task The_member_area_links_the_pool_for_recruiters_and_referents_only()
    {
        using var recruiter = await site.SignInAsync("Rita Recruteuse", ["recruiter"]);
        using var referent = await site.SignInAsync("Rémi Référent", ["referent"]);
        using var partner = await site.SignInAsync("Paula Partenaire", ["employment_partner", "commission"]);

        var recruiterArea = await (await recruiter.GetAsync("/espace-membre")).ReadPageAsync();
        var referentArea = await (await referent.GetAsync("/espace-membre")).ReadPageAsync();
        var partnerArea = await (await partner.GetAsync("/espace-membre")).ReadPageAsync();

        Assert.Matches("<h2>Recruteur</h2>\\s*<ul>\\s*<li><a href=\"/espace-membre/vivier\">Vivier des candidats</a></li>\\s*</ul>", recruiterArea);
        Assert.DoesNotContain("bientôt disponible", recruiterArea, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"/espace-membre/vivier\">Vivier des candidats</a></li>", referentArea, StringComparison.Ordinal);
        Assert.DoesNotContain("/espace-membre/vivier", partnerArea, StringComparison.Ordinal);
        Assert.Empty(site.Stub.ApiRequests);
    }
}
