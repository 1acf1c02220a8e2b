using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Nege.Contracts.Api.Directory;
using Nege.ServiceDefaults.Http;

namespace Site.Tests;

/// <summary>
/// « Annuaire des entreprises » (the search, an organisation's page, « Écrire au responsable RH ») and the partners'
/// directory, against a stub of Directory's API.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class DirectoryPagesTests(SiteFixture site) : IDisposable
{
    private const string Api = "/api/directory/organisations";

    private static readonly Guid NumericId = Guid.Parse("0193a0b1-0000-7000-8000-0000000000d1");

    private static readonly Guid OtherId = Guid.Parse("0193a0b1-0000-7000-8000-0000000000d2");

    public void Dispose() => site.Stub.Reset();

    [Fact]
    public async Task The_search_sends_the_criteria_under_directorys_names_and_shows_the_results_their_count_and_the_pager()
    {
        site.Stub.Api = request => request.PathAndQuery.StartsWith(Api + "?", StringComparison.Ordinal)
            ? new StubAnswer(200, new PageOf<DirectoryEntryView>(
            [
                new(NumericId, "Numéric'Emploi & Cie", "Entreprise", "StartUp", "Strasbourg", ["ESN - Agence Web", "Cabinet de recrutement"],
                    ["Alsace : Bas-Rhin (67)", "Lorraine : Moselle (57)"], $"{Api}/{NumericId}/logo?v=abc"),
                new(OtherId, "Sans Logo", "Entreprise", null, null, [], [], null),
            ], 2, 20, 45))
            : new StubAnswer(404);
        using var client = site.CreateClient();

        var response = await client.GetAsync(
            "/annuaire?q=num%C3%A9ric+emploi&categorie=Entreprise&departement=Alsace+%3A+Bas-Rhin+%2867%29&activite=ESN+-+Agence+Web&type=StartUp&page=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(site.Stub.ApiRequests);
        Assert.Equal("GET", request.Method);
        Assert.Null(request.Authorization);
        var sent = new Uri("http://directory" + request.PathAndQuery);
        Assert.Equal(Api, sent.AbsolutePath);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["q"] = "numéric emploi", ["category"] = "Entreprise", ["departement"] = "Alsace : Bas-Rhin (67)", ["activity"] = "ESN - Agence Web",
                ["companyType"] = "StartUp", ["page"] = "2", ["pageSize"] = "20",
            },
            Html.Query(sent));
        Assert.Contains("q=num%C3%A9ric%20emploi&", request.PathAndQuery, StringComparison.Ordinal);

        var page = await response.ReadPageAsync();
        Assert.Contains("<h1>Annuaire des entreprises</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<title>Annuaire des entreprises — Numéric'Emploi Grand Est</title>", page, StringComparison.Ordinal);
        Assert.Contains("<form method=\"get\" role=\"search\"", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Text\">Rechercher</label>", page, StringComparison.Ordinal);
        Assert.Matches("<input type=\"search\" id=\"Text\" name=\"q\" value=\"numéric emploi\"", page);
        Assert.Contains("<label for=\"Category\">Catégorie</label>", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Departement\">Département</label>", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Activity\">Activité principale</label>", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"CompanyType\">Type d'entreprise</label>", page, StringComparison.Ordinal);
        Assert.Contains("<select id=\"Category\" name=\"categorie\"", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"StartUp\" selected=\"selected\">StartUp</option>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Alsace : Bas-Rhin (67)\" selected=\"selected\">Alsace : Bas-Rhin (67)</option>", page, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">Rechercher</button>", page, StringComparison.Ordinal);

        Assert.Contains("45 organismes correspondent à votre recherche.", page, StringComparison.Ordinal);
        Assert.Contains($"<img class=\"logo\" src=\"{Api}/{NumericId}/logo?v=abc\" alt=\"Logo de Numéric'Emploi & Cie\" />", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/annuaire/{NumericId}\">Numéric'Emploi & Cie</a>", page, StringComparison.Ordinal);
        Assert.Contains("<dd>ESN - Agence Web, Cabinet de recrutement</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dd>Alsace : Bas-Rhin (67), Lorraine : Moselle (57)</dd>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/annuaire/{OtherId}\">Sans Logo</a>", page, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(page, "<img class=\"logo\""));

        const string criteria = "?q=num%C3%A9ric%20emploi&categorie=Entreprise&departement=Alsace%20%3A%20Bas-Rhin%20%2867%29&activite=ESN%20-%20Agence%20Web&type=StartUp";
        Assert.Contains($"<a href=\"{criteria}&page=1\">Page précédente</a>", page, StringComparison.Ordinal);
        Assert.Contains("<span>Page 2 sur 3</span>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{criteria}&page=3\">Page suivante</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_criteria_the_first_page_of_all_members_is_asked_for_and_an_empty_search_says_so()
    {
        site.Stub.Api = _ => new StubAnswer(200, new PageOf<DirectoryEntryView>([], 1, 20, 0));
        using var client = site.CreateClient();

        var all = await (await client.GetAsync("/annuaire")).ReadPageAsync();
        var none = await (await client.GetAsync("/annuaire?q=zzz&categorie=&page=abc")).ReadPageAsync();

        Assert.Equal([$"{Api}?page=1&pageSize=20", $"{Api}?q=zzz&page=1&pageSize=20"], site.Stub.ApiRequests.Select(r => r.PathAndQuery).ToArray());
        Assert.Contains("Aucun organisme ne figure encore dans l'annuaire.", all, StringComparison.Ordinal);
        Assert.Contains("Aucun organisme ne correspond à votre recherche.", none, StringComparison.Ordinal);
        Assert.Contains("Essayez avec moins de mots ou de filtres", none, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"erreurs\"", none, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"pager\"", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directorys_refusal_of_a_criterion_shows_beside_its_field()
    {
        site.Stub.Api = _ => new StubAnswer(400, new
        {
            title = "Requête invalide.",
            status = 400,
            errors = new Dictionary<string, string[]>
            {
                ["category"] = ["La catégorie doit être l'un de : « Entreprise »."],
                ["companyType"] = ["Le type d'entreprise doit être l'un de : « StartUp »."],
            },
        });
        using var client = site.CreateClient();

        var response = await client.GetAsync("/annuaire?categorie=Bidon&type=Autre");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Category-erreur\">La catégorie doit être l'un de : « Entreprise ».</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"erreur-champ\" id=\"CompanyType-erreur\">Le type d'entreprise doit être l'un de : « StartUp ».</span>", page, StringComparison.Ordinal);
        Assert.Matches("<select id=\"Category\" name=\"categorie\" aria-invalid=\"true\"\\s+aria-describedby=\"Category-erreur\">", page);
        Assert.Contains("<a href=\"#Category\">La catégorie doit être l'un de : « Entreprise ».</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"resultats\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organisations_page_shows_its_card_with_the_presentation_sanitised_again_and_the_form_to_write_to_its_hr()
    {
        site.Stub.Api = request => request.PathAndQuery == $"{Api}/{NumericId}" ? new StubAnswer(200, Organisation()) : new StubAnswer(404);
        using var client = site.CreateClient();

        var response = await client.GetAsync($"/annuaire/{NumericId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<h1>Numéric'Emploi</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<title>Numéric'Emploi — Numéric'Emploi Grand Est</title>", page, StringComparison.Ordinal);
        Assert.Contains($"<img class=\"logo\" src=\"{Api}/{NumericId}/logo?v=v2\" alt=\"Logo de Numéric'Emploi\" />", page, StringComparison.Ordinal);
        Assert.Matches("<dt>Catégorie</dt>\\s*<dd>Entreprise</dd>\\s*<dt>Type d'entreprise</dt>\\s*<dd>PME : 10-250 personnes</dd>\\s*<dt>Direction régionale</dt>\\s*<dd>Metz</dd>", page);
        Assert.Contains("<a href=\"https://numeric.exemple.fr/\" rel=\"noopener nofollow\">https://numeric.exemple.fr</a>", page, StringComparison.Ordinal);

        // The presentation's formatting survives; what Membership should never have let through does not.
        Assert.Contains("<p>Nous <strong>recrutons</strong> des développeurs.</p>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://blog.exemple.fr\" rel=\"noopener nofollow\">notre blog</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", page, StringComparison.OrdinalIgnoreCase);

        Assert.Matches("<h2 id=\"activites\">Activités principales</h2>\\s*<ul>\\s*<li>ESN - Conseils et Services Logiciels</li>\\s*</ul>", page);
        Assert.Matches("<h2 id=\"implantations\">Implantations</h2>\\s*<ul>\\s*<li>Lorraine : Moselle \\(57\\)</li>\\s*</ul>", page);
        Assert.Matches("<h2 id=\"zones-intervention\">Zones d'intervention</h2>\\s*<ul>\\s*<li>Lorraine : Moselle \\(57\\)</li>\\s*<li>Alsace : Bas-Rhin \\(67\\)</li>\\s*</ul>", page);

        Assert.Contains("<h2 id=\"ecrire\">Écrire au responsable RH</h2>", page, StringComparison.Ordinal);
        var form = Region(page, "<form method=\"post\"", "</form>");
        Assert.Contains("enctype=\"multipart/form-data\"", form, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", form, StringComparison.Ordinal);
        foreach (var (name, label) in new[] { ("Name", "Votre nom *"), ("Email", "Votre adresse e-mail *"), ("Subject", "Objet *"), ("Message", "Message *"), ("Cv", "CV (facultatif)") })
        {
            Assert.Contains($"<label for=\"Input_{name}\">{label}</label>", form, StringComparison.Ordinal);
            Assert.Contains($"name=\"Input.{name}\"", form, StringComparison.Ordinal);
        }

        var cv = Element(form, "name=\"Input.Cv\"");
        Assert.Contains("type=\"file\"", cv, StringComparison.Ordinal);
        Assert.Contains("accept=\".pdf,.doc,.docx,.odt\"", cv, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"Input_Cv-aide\"", cv, StringComparison.Ordinal);
        Assert.Contains("<span class=\"aide\" id=\"Input_Cv-aide\">PDF, DOC, DOCX ou ODT, 5 Mo au plus</span>", form, StringComparison.Ordinal);
        Assert.Contains("type=\"email\"", Element(form, "name=\"Input.Email\""), StringComparison.Ordinal);

        // The honeypot: labelled for robots, hidden from people and from assistive technologies, out of the tab order.
        Assert.Contains("<div class=\"visuellement-masque\" aria-hidden=\"true\">", form, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Input_Website\">Site web</label>", form, StringComparison.Ordinal);
        var honeypot = Element(form, "name=\"Input.Website\"");
        Assert.Contains("tabindex=\"-1\"", honeypot, StringComparison.Ordinal);
        Assert.Contains("autocomplete=\"off\"", honeypot, StringComparison.Ordinal);
        Assert.DoesNotContain("mailto:", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_organisation_not_in_the_directory_is_the_sites_404_page()
    {
        site.Stub.Api = _ => new StubAnswer(404, new { title = "Introuvable.", status = 404, detail = "Cet organisme ne figure pas dans l'annuaire." });
        using var client = site.CreateClient();

        var response = await client.GetAsync($"/annuaire/{OtherId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Page introuvable</h1>", await response.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_with_a_cv_is_relayed_as_multipart_with_the_visitors_address_then_the_page_says_it_was_sent()
    {
        site.Stub.Api = request => (request.Method, request.PathAndQuery) switch
        {
            ("GET", var path) when path == $"{Api}/{NumericId}" => new StubAnswer(200, Organisation()),
            ("POST", var path) when path == $"{Api}/{NumericId}/messages" => new StubAnswer(202, new ContactMessageAccepted(Guid.NewGuid(), "Numéric'Emploi")),
            _ => new StubAnswer(404),
        };
        using var client = site.CreateClient();

        var response = await PostMessageAsync(client, "Marie Curie", "marie@exemple.fr", "Candidature spontanée", "Bonjour,\nje vous propose mes services.",
            ("mon cv.pdf", "%PDF-1.4 le CV de Marie %%EOF"u8.ToArray()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/annuaire/{NumericId}", response.Headers.Location?.OriginalString);
        var relayed = Assert.Single(site.Stub.ApiRequests, request => request.Method == "POST");
        Assert.StartsWith("multipart/form-data", relayed.ContentType, StringComparison.Ordinal);
        Assert.Equal("203.0.113.7", relayed.Header("X-Forwarded-For"));
        Assert.Null(relayed.Authorization);
        Assert.Equal("Marie Curie", Part(relayed.Body, "name"));
        Assert.Equal("marie@exemple.fr", Part(relayed.Body, "email"));
        Assert.Equal("Candidature spontanée", Part(relayed.Body, "subject"));
        Assert.Equal("Bonjour,\nje vous propose mes services.", Part(relayed.Body, "message").Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal("", Part(relayed.Body, "website"));
        var cvPart = Regex.Match(relayed.Body, "--[^\r\n]+\r\n(?<headers>(?:[^\r\n]+\r\n)+)\r\n%PDF-1\\.4 le CV de Marie %%EOF\r\n--");
        Assert.True(cvPart.Success, relayed.Body);
        Assert.Matches("Content-Disposition: form-data; name=\"?cv\"?; filename=\"mon cv.pdf\"", cvPart.Groups["headers"].Value);
        Assert.Contains("Content-Type: application/pdf\r\n", cvPart.Groups["headers"].Value, StringComparison.Ordinal);

        var page = await (await client.GetAsync(response.Headers.Location)).ReadPageAsync();
        Assert.Contains("<p class=\"notice\" role=\"status\">Votre message a été transmis à Numéric'Emploi.</p>", page, StringComparison.Ordinal);
        var again = await (await client.GetAsync(response.Headers.Location)).ReadPageAsync();
        Assert.DoesNotContain("Votre message a été transmis", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directorys_messages_show_beside_the_fields_with_what_was_typed()
    {
        site.Stub.Api = request => request.Method == "GET"
            ? new StubAnswer(200, Organisation())
            : new StubAnswer(400, new
            {
                title = "Requête invalide.",
                status = 400,
                errors = new Dictionary<string, string[]>
                {
                    ["email"] = ["Saisissez une adresse e-mail valide."],
                    ["cv"] = ["Le CV doit être un fichier PDF, DOC, DOCX ou ODT."],
                },
            });
        using var client = site.CreateClient();

        var response = await PostMessageAsync(client, "Marie <Curie>", "pas-une-adresse", "Mon objet", "Mon message", ("cv.exe", "MZ\u0090"u8.ToArray()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Email-erreur\">Saisissez une adresse e-mail valide.</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Cv-erreur\">Le CV doit être un fichier PDF, DOC, DOCX ou ODT.</span>", page, StringComparison.Ordinal);
        var email = Element(page, "name=\"Input.Email\"");
        Assert.Contains("value=\"pas-une-adresse\"", email, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", email, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"Input_Email-erreur\"", email, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"Input_Cv-aide Input_Cv-erreur\"", Element(page, "name=\"Input.Cv\""), StringComparison.Ordinal);
        Assert.Contains("value=\"Marie &lt;Curie&gt;\"", Element(page, "name=\"Input.Name\""), StringComparison.Ordinal);
        Assert.Contains("value=\"Mon objet\"", Element(page, "name=\"Input.Subject\""), StringComparison.Ordinal);
        Assert.Matches("name=\"Input.Message\">\\s*Mon message</textarea>", page);
        Assert.DoesNotContain("value=\"cv.exe\"", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_Email\">Saisissez une adresse e-mail valide.</a>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(429, "Trop de messages envoyés depuis votre adresse : réessayez dans 10 minutes.")]
    [InlineData(409, "Vous avez déjà envoyé ce message à cet organisme aujourd'hui.")]
    public async Task A_throttled_or_repeated_message_is_refused_at_the_top_in_french(int status, string detail)
    {
        site.Stub.Api = request => request.Method == "GET"
            ? new StubAnswer(200, Organisation())
            : new StubAnswer(status, new { title = "Refusé.", status, detail }) { Headers = status == 429 ? new Dictionary<string, string> { ["Retry-After"] = "600" } : new Dictionary<string, string>() };
        using var client = site.CreateClient();

        var response = await PostMessageAsync(client, "Marie Curie", "marie@exemple.fr", "Objet", "Message", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Matches($"<div class=\"erreurs\" role=\"alert\" id=\"erreurs\" tabindex=\"-1\">\\s*<ul>\\s*<li>{Regex.Escape(detail)}</li>", page);
        Assert.Contains("value=\"Marie Curie\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Votre message a été transmis", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_details_a_429_says_when_to_try_again()
    {
        site.Stub.Api = request => request.Method == "GET"
            ? new StubAnswer(200, Organisation())
            : new StubAnswer(429) { Headers = new Dictionary<string, string> { ["Retry-After"] = "120" } };
        using var client = site.CreateClient();

        var page = await (await PostMessageAsync(client, "Marie Curie", "marie@exemple.fr", "Objet", "Message", null)).ReadPageAsync();

        Assert.Contains("<li>Trop de messages ont été envoyés. Veuillez réessayer dans 2 minute(s).</li>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cv_over_5_mo_is_refused_by_the_site_without_being_relayed()
    {
        site.Stub.Api = request => request.Method == "GET" ? new StubAnswer(200, Organisation()) : new StubAnswer(202, new ContactMessageAccepted(Guid.NewGuid(), "Numéric'Emploi"));
        using var client = site.CreateClient();

        var bytes = new byte[(5 * 1024 * 1024) + 1];
        "%PDF-1.4"u8.CopyTo(bytes);
        var page = await (await PostMessageAsync(client, "Marie Curie", "marie@exemple.fr", "Objet", "Message", ("cv.pdf", bytes))).ReadPageAsync();

        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Cv-erreur\">Le CV dépasse 5 Mo", page, StringComparison.Ordinal);
        Assert.DoesNotContain(site.Stub.ApiRequests, request => request.Method == "POST");
    }

    [Fact]
    public async Task The_partners_directory_lists_each_kind_of_partner_under_its_heading_with_its_role_from_the_seed()
    {
        var asked = new System.Collections.Concurrent.ConcurrentQueue<Dictionary<string, string>>();
        site.Stub.Api = request =>
        {
            var query = Html.Query(new Uri("http://directory" + request.PathAndQuery));
            asked.Enqueue(query);
            var page = int.Parse(query["page"], System.Globalization.CultureInfo.InvariantCulture);
            DirectoryEntryView Member(string name) => new(Guid.NewGuid(), name, query["category"], null, null, [], ["Lorraine : Moselle (57)"], null);
            return query["category"] switch
            {
                "Partenaire emploi" => new StubAnswer(200, new PageOf<DirectoryEntryView>([Member("France Travail Grand Est"), Member("Mission locale de Metz")], 1, 100, 2)),
                "Partenaire Soutien" => new StubAnswer(200, new PageOf<DirectoryEntryView>([Member("Région Grand Est")], 1, 100, 1)),
                "Partenaire formation" => new StubAnswer(200, new PageOf<DirectoryEntryView>([], 1, 100, 0)),
                // 101 professional organisations: two pages of the largest size.
                _ => new StubAnswer(200, new PageOf<DirectoryEntryView>(
                    page == 1 ? [.. Enumerable.Range(1, 100).Select(i => Member($"Organisation {i:000}"))] : [Member("Organisation 101")], page, 100, 101)),
            };
        };
        using var client = site.CreateClient();

        var response = await client.GetAsync("/annuaire/partenaires");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(asked, query => Assert.Equal("100", query["pageSize"]));
        Assert.Equal(
            ["Organisation professionnelle/1", "Organisation professionnelle/2", "Partenaire Soutien/1", "Partenaire emploi/1", "Partenaire formation/1"],
            asked.Select(query => $"{query["category"]}/{query["page"]}").Order(StringComparer.Ordinal).ToArray());
        var page = await response.ReadPageAsync();
        Assert.Contains("<h1>Annuaire de nos partenaires</h1>", page, StringComparison.Ordinal);

        var employment = Region(page, "<h2 id=\"partenaires-emploi\">Partenaires Emploi</h2>", "</section>");
        Assert.Contains("<li>Ils accompagnent les publics dont ils ont la responsabilité vers l'emploi.</li>", employment, StringComparison.Ordinal);
        Assert.Contains("<li>Ils détectent les profils correspondant aux actions menées par NEGE, soumettent les dossiers de candidatures, suivent leur traitement et assure le lien entre le candidat et les responsables des actions NEGE</li>", employment, StringComparison.Ordinal);
        Assert.Matches("<a href=\"/annuaire/[0-9a-f-]{36}\">France Travail Grand Est</a>", employment);
        Assert.Contains(">Mission locale de Metz</a>", employment, StringComparison.Ordinal);
        Assert.DoesNotContain("Région Grand Est", employment, StringComparison.Ordinal);

        var support = Region(page, "<h2 id=\"partenaires-soutien\">Partenaires Soutien</h2>", "</section>");
        Assert.Contains("<li>Ils élaborent en partenariat avec NEGE les plans d'action pour favoriser l'accès à l'emploi des publics ciblés</li>", support, StringComparison.Ordinal);
        Assert.Contains("<li>Ils apportent leur soutien logistique et financier</li>", support, StringComparison.Ordinal);
        Assert.Contains(">Région Grand Est</a>", support, StringComparison.Ordinal);
        Assert.DoesNotContain("France Travail", support, StringComparison.Ordinal);

        var training = Region(page, "<h2 id=\"partenaires-formation\">Partenaires Formation</h2>", "</section>");
        Assert.Contains("<li>Ce sont des organismes de formation publics ou privés</li>", training, StringComparison.Ordinal);
        Assert.Contains("<li>Ils collaborent avec NEGE pour réaliser l'ingénierie de formation des actions organisées par NEGE</li>", training, StringComparison.Ordinal);
        Assert.Contains("<li>Ils animent les formations référencées au catalogue de NEGE pour adapter les compétences des candidats aux besoins de recrutement des entreprises régionales du secteur numérique</li>", training, StringComparison.Ordinal);
        Assert.Contains("Aucun organisme de cette catégorie ne figure encore dans l'annuaire.", training, StringComparison.Ordinal);

        var professional = Region(page, "<h2 id=\"organisations-professionnelles\">Organisations professionnelles</h2>", "</section>");
        Assert.Contains("<li>Ce sont les structures membres du collège Organisation professionnelle de l'association</li>", professional, StringComparison.Ordinal);
        Assert.Contains("101 membres", professional, StringComparison.Ordinal);
        Assert.Contains(">Organisation 001</a>", professional, StringComparison.Ordinal);
        Assert.Contains(">Organisation 101</a>", professional, StringComparison.Ordinal);

        // The four sections in the seed's order, each heading once.
        var headings = Regex.Matches(page, "<h2 id=\"[^\"]+\">(?<text>[^<]+)</h2>").Select(m => m.Groups["text"].Value).ToArray();
        Assert.Equal(["Partenaires Emploi", "Partenaires Soutien", "Partenaires Formation", "Organisations professionnelles"], headings);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Pourquoi_adherer_links_to_the_partners_directory_and_the_directory_links_it_too()
    {
        site.Stub.Api = _ => new StubAnswer(200, new PageOf<DirectoryEntryView>([], 1, 20, 0));
        using var client = site.CreateClient();

        var why = await (await client.GetAsync("/pourquoi-adherer")).ReadPageAsync();
        var directory = await (await client.GetAsync("/annuaire")).ReadPageAsync();

        Assert.Contains("<a class=\"bouton\" href=\"/annuaire/partenaires\">Consulter l'annuaire de nos partenaires</a>",
            Region(why, "<h2 id=\"partenaires\">", "</section>"), StringComparison.Ordinal);
        Assert.Contains("<a href=\"/annuaire/partenaires\">Consulter l'annuaire de nos partenaires</a>", directory, StringComparison.Ordinal);
    }

    private static DirectoryOrganisationView Organisation() => new(
        NumericId, "Numéric'Emploi", "Entreprise", "PME : 10-250 personnes", "Metz",
        "<p>Nous <strong>recrutons</strong> des développeurs.</p><script>alert('x')</script>"
        + "<p><a href=\"https://blog.exemple.fr\">notre blog</a> <a href=\"javascript:alert(1)\" onclick=\"alert(2)\">piège</a></p>"
        + "<img src=\"x\" onerror=\"alert(3)\"><iframe src=\"https://evil.exemple\"></iframe>",
        "https://numeric.exemple.fr", ["ESN - Conseils et Services Logiciels"], ["Lorraine : Moselle (57)"],
        ["Lorraine : Moselle (57)", "Alsace : Bas-Rhin (67)"], $"{Api}/{NumericId}/logo?v=v2", true, DateTimeOffset.Parse("2026-01-15T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The organisation's page, then its form sent as a browser would, from the visitor's address 203.0.113.7 (as the gateway forwards it).</summary>
    private static async Task<HttpResponseMessage> PostMessageAsync(HttpClient client, string name, string email, string subject, string message, (string FileName, byte[] Bytes)? cv)
    {
        var form = await (await client.GetAsync($"/annuaire/{NumericId}")).ReadPageAsync();
        var content = new MultipartFormDataContent
        {
            { new StringContent(Html.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new StringContent(name), "Input.Name" },
            { new StringContent(email), "Input.Email" },
            { new StringContent(subject), "Input.Subject" },
            { new StringContent(message), "Input.Message" },
            { new StringContent(""), "Input.Website" },
        };
        if (cv is { } file)
        {
            var bytes = new ByteArrayContent(file.Bytes);
            bytes.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(bytes, "Input.Cv", file.FileName);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/annuaire/{NumericId}") { Content = content };
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        return await client.SendAsync(request);
    }

    /// <summary>The value of the text part <paramref name="name"/> of a multipart body.</summary>
    private static string Part(string body, string name)
    {
        var match = Regex.Match(body, $"Content-Disposition: form-data; name=\"?{name}\"?\r\n(?:[^\r\n]+\r\n)*\r\n(?<value>.*?)\r\n--", RegexOptions.Singleline);
        Assert.True(match.Success, $"the body has a part {name}: {body}");
        return match.Groups["value"].Value;
    }

    /// <summary>The first element (its start tag) that has <paramref name="attribute"/>.</summary>
    private static string Element(string html, string attribute)
    {
        var at = html.IndexOf(attribute, StringComparison.Ordinal);
        Assert.True(at >= 0, $"the page has an element with {attribute}");
        var start = html.LastIndexOf('<', at);
        return html[start..(html.IndexOf('>', at) + 1)];
    }

    private static string Region(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"the page has {start}");
        var to = html.IndexOf(end, from, StringComparison.Ordinal);
        return html[from..(to < 0 ? html.Length : to)];
    }
}
