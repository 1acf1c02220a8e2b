using System.Net;

namespace Site.Tests;

/// <summary>« Combien coûte l'adhésion »: the grid in force this year, as the seed shows it, and the simulator of the quote.</summary>
[Collection(SiteCollection.Name)]
public sealed class FeeGridPagesTests(SiteFixture site) : IDisposable
{
    private const string Page = "/combien-coute-l-adhesion";

    private static string GridApi => $"/api/billing/grids/{BillingJson.ThisYear}";

    public void Dispose() => site.Stub.Reset();

    /// <summary>The seed's grid, and <paramref name="quote"/> for the quote.</summary>
    private void Serve(Func<StubRequest, StubAnswer>? quote = null) =>
        site.Stub.Api = request => request.PathAndQuery switch
        {
            var path when path == GridApi => new StubAnswer(200, BillingJson.SeedGrid()),
            var path when path.StartsWith("/api/billing/quote?", StringComparison.Ordinal) && quote is not null => quote(request),
            _ => new StubAnswer(404, new { title = "Introuvable.", status = 404 }),
        };

    private IEnumerable<StubRequest> QuoteRequests =>
        site.Stub.ApiRequests.Where(request => request.PathAndQuery.StartsWith("/api/billing/quote", StringComparison.Ordinal));

    [Fact]
    public async Task The_grid_in_force_this_year_shows_the_seeds_two_tables_with_the_startup_row()
    {
        Serve();

        var response = await site.CreateClient().GetAsync(Page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(site.Stub.ApiRequests);
        Assert.Equal(GridApi, request.PathAndQuery);
        Assert.Null(request.Authorization);
        var page = await response.ReadPageAsync();
        Assert.Contains("<h1>Combien coûte l'adhésion</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"grille\">Grille de cotisation 2019</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<h3 id=\"secteur-numerique\">Organismes du secteur numérique</h3>", page, StringComparison.Ordinal);
        Assert.Contains("<h3 id=\"hors-secteur-numerique\">Organismes hors secteur numérique</h3>", page, StringComparison.Ordinal);
        Assert.Matches(
            "<th scope=\"col\">Nombre de salariés sur la région <sup>\\(1\\)</sup></th>\\s*<th scope=\"col\">Cotisation annuelle standard</th>\\s*<th scope=\"col\">Cotisation annuelle organisme affilié <sup>\\(2\\)</sup></th>",
            page);
        Assert.Contains("<th scope=\"col\">Nombre de salariés exerçant un métier du numérique sur la région <sup>(5)</sup></th>", page, StringComparison.Ordinal);
        Assert.Matches(
            "<th scope=\"row\">Startup <sup>\\(3\\)</sup></th>\\s*<td class=\"montant\">120 €</td>\\s*<td class=\"montant\">Gratuit <sup>\\(4\\)</sup> sinon 60 €</td>", page);
        foreach (var (label, standard, affiliated) in new[]
                 {
                     ("< 10", "192 €", "96 €"), ("10 à 24", "384 €", "192 €"), ("25 à 50", "672 €", "336 €"), ("51 à 100", "1 152 €", "576 €"),
                     ("De 101 à 250", "1 824 €", "912 €"), ("De 251 à 500", "3 300 €", "1 650 €"), ("501 à 1000", "6 000 €", "3 000 €"),
                     ("Plus de 1000", "12 000 €", "6 000 €"),
                 })
        {
            Assert.Matches($"<th scope=\"row\">{System.Text.RegularExpressions.Regex.Escape(label)}</th>\\s*<td class=\"montant\">{standard}</td>\\s*<td class=\"montant\">{affiliated}</td>", page);
        }

        var other = page[page.IndexOf("hors-secteur-numerique", StringComparison.Ordinal)..];
        Assert.Matches("<th scope=\"row\">51 à 100</th>\\s*<td class=\"montant\">2 304 €</td>\\s*<td class=\"montant\">1 152 €</td>", other);
        Assert.Matches("<th scope=\"row\">Plus de 1000</th>\\s*<td class=\"montant\">24 000 €</td>\\s*<td class=\"montant\">12 000 €</td>", other);
        Assert.DoesNotContain("Startup", other[..other.IndexOf("simulateur", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_footnotes_follow_the_table_that_refers_to_them_as_in_the_seed()
    {
        Serve();

        var page = await (await site.CreateClient().GetAsync(Page)).ReadPageAsync();

        var digital = page.IndexOf("id=\"secteur-numerique\"", StringComparison.Ordinal);
        var other = page.IndexOf("id=\"hors-secteur-numerique\"", StringComparison.Ordinal);
        foreach (var number in new[] { 1, 2, 3, 4 })
        {
            var note = page.IndexOf($"<p id=\"note-{number}\">({number}) ", StringComparison.Ordinal);
            Assert.InRange(note, digital, other);
        }

        Assert.Contains("<p id=\"note-4\">(4) si la startup a souscrit le pack Startup de Syntec numérique</p>", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("<p id=\"note-5\">(5) Selon le nombre total de salariés exerçant un métier du numérique", StringComparison.Ordinal) > other);
    }

    [Fact]
    public async Task Without_a_grid_for_the_year_the_page_says_so_and_the_simulator_stays()
    {
        site.Stub.Api = _ => new StubAnswer(404, new { title = "Introuvable.", status = 404, detail = "Aucune grille de cotisation." });

        var response = await site.CreateClient().GetAsync(Page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains($"La grille de cotisation {BillingJson.ThisYear} n'est pas encore publiée.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", page, StringComparison.Ordinal);
        Assert.Contains($"<h2 id=\"simulateur\">Estimer votre cotisation {BillingJson.ThisYear}</h2>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_and_the_sites_navigation_lead_to_the_page()
    {
        var home = await (await site.CreateClient().GetAsync("/")).ReadPageAsync();

        Assert.Matches("<nav class=\"principale\" aria-label=\"Navigation principale\">\\s*<a href=\"/combien-coute-l-adhesion\">Combien coûte l'adhésion</a>", home);
        Assert.Contains("<p><a href=\"/combien-coute-l-adhesion\">Combien coûte l'adhésion</a> :", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_simulator_sends_the_facts_typed_and_shows_the_explanation_the_amount_and_the_computation()
    {
        Serve(_ => new StubAnswer(200, BillingJson.Quote(BillingJson.ThisYear)));
        using var client = site.CreateClient();

        var response = await client.GetAsync($"{Page}?categorie=Entreprise&numerique=true&alsace=12&champagne-ardenne=14&lorraine=0&affilie=false");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(QuoteRequests);
        Assert.Equal($"/api/billing/quote?year={BillingJson.ThisYear}&category=Entreprise&digitalSector=true&alsace=12&champagneArdenne=14&lorraine=0&affiliated=false",
            request.PathAndQuery);
        var page = await response.ReadPageAsync();
        Assert.Contains("<h3 id=\"resultat\">Votre cotisation annuelle estimée : 672 €</h3>", page, StringComparison.Ordinal);
        Assert.Contains(
            "<p class=\"explication\"><strong>Entreprise du secteur numérique, 26 salariés sur le périmètre (Alsace 12, Champagne-Ardenne 14), non affiliée : tranche 25 à 50, 672 €</strong></p>",
            page, StringComparison.Ordinal);
        Assert.Contains("<caption>Détail du calcul (grille de cotisation 2019)</caption>", page, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">Champagne-Ardenne</th><td>14 salariés</td></tr>", page, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">Tranche</th><td>25 à 50</td></tr>", page, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">Cotisation annuelle standard</th><td>672 €</td></tr>", page, StringComparison.Ordinal);

        // What was typed stays in the form, sent again by GET (no script).
        Assert.Contains("<form method=\"get\" action=\"/combien-coute-l-adhesion#simulateur\"", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Entreprise\" selected=\"selected\">Entreprise</option>", page, StringComparison.Ordinal);
        Assert.Matches("id=\"DigitalSector-0\" name=\"numerique\" value=\"true\" checked=\"checked\"", page);
        Assert.Matches("id=\"Affiliated-1\" name=\"affilie\" value=\"false\" checked=\"checked\"", page);
        Assert.Contains("id=\"ChampagneArdenne\" name=\"champagne-ardenne\" value=\"14\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"Lorraine\" name=\"lorraine\" value=\"0\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_startups_facts_go_with_the_quote_and_its_date_is_read_the_french_way_too()
    {
        Serve(_ => new StubAnswer(200, BillingJson.Quote(BillingJson.ThisYear, 0, "startup",
            "Startup du secteur numérique affiliée ayant souscrit le pack Startup de Syntec numérique : gratuit",
            [("Date de création", "01/03/2025"), ("Cotisation annuelle", "Gratuit")])));

        var response = await site.CreateClient().GetAsync(
            $"{Page}?categorie=Entreprise&numerique=true&alsace=4&champagne-ardenne=0&lorraine=0&affilie=true"
            + "&creation=01/03/2025&effectif=4&chiffre-affaires=Moins%20de%20300%20K%E2%82%AC&pack-startup=true");

        var request = Assert.Single(QuoteRequests);
        Assert.EndsWith("&affiliated=true&startupCreatedOn=2025-03-01&startupHeadcount=4&startupTurnover=Moins%20de%20300%20K%E2%82%AC&startupPack=true",
            request.PathAndQuery, StringComparison.Ordinal);
        var page = await response.ReadPageAsync();
        Assert.Contains("<h3 id=\"resultat\">Votre cotisation annuelle estimée : 0 €</h3>", page, StringComparison.Ordinal);
        Assert.Contains("<strong>Startup du secteur numérique affiliée ayant souscrit le pack Startup de Syntec numérique : gratuit</strong>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"StartupCreatedOn\" name=\"creation\" value=\"2025-03-01\"", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Moins de 300 K€\" selected=\"selected\">Moins de 300 K€</option>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"StartupPack\" name=\"pack-startup\" value=\"true\" checked=\"checked\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Billings_refusals_show_beside_their_fields_in_french_with_the_values_kept()
    {
        Serve(_ => new StubAnswer(400, BillingJson.ValidationProblem(new()
        {
            ["category"] = ["La catégorie d'organisme est obligatoire."],
            ["lorraine"] = ["Le nombre de salariés doit être un nombre positif ou nul."],
            ["startupTurnover"] = ["Le chiffre d'affaires de la start-up est obligatoire."],
            ["digitalSector"] = ["Indiquez si l'organisme est du secteur numérique."],
            ["year"] = ["L'année doit être comprise entre 2000 et 2100."],
        })));

        var response = await site.CreateClient().GetAsync($"{Page}?categorie=&alsace=12&champagne-ardenne=3&lorraine=&creation=2025-03-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Category-erreur\">La catégorie d'organisme est obligatoire.</span>", page, StringComparison.Ordinal);
        Assert.Contains("<select id=\"Category\" name=\"categorie\" aria-invalid=\"true\" aria-describedby=\"Category-erreur\">", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"erreur-champ\" id=\"Lorraine-erreur\">Le nombre de salariés doit être un nombre positif ou nul.</span>", page, StringComparison.Ordinal);
        Assert.Matches("id=\"Lorraine\" name=\"lorraine\" min=\"0\" step=\"1\" inputmode=\"numeric\"\\s*aria-invalid=\"true\" aria-describedby=\"Lorraine-erreur\"", page);
        Assert.Contains("<span class=\"erreur-champ\" id=\"StartupTurnover-erreur\">Le chiffre d'affaires de la start-up est obligatoire.</span>", page, StringComparison.Ordinal);
        Assert.Matches("<fieldset aria-describedby=\"DigitalSector-aide DigitalSector-erreur\" id=\"DigitalSector\" tabindex=\"-1\">", page);
        Assert.Contains("<li><a href=\"#Lorraine\">Le nombre de salariés doit être un nombre positif ou nul.</a></li>", page, StringComparison.Ordinal);
        Assert.Contains("<li>L'année doit être comprise entre 2000 et 2100.</li>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"ChampagneArdenne\" name=\"champagne-ardenne\" value=\"3\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"StartupCreatedOn\" name=\"creation\" value=\"2025-03-01\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"resultat\"", page, StringComparison.Ordinal);
        Assert.Contains("startupPack=false", Assert.Single(QuoteRequests).PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_headcount_or_a_date_that_is_not_one_is_refused_beside_its_field_without_asking_billing()
    {
        Serve(_ => new StubAnswer(200, BillingJson.Quote()));

        var page = await (await site.CreateClient().GetAsync($"{Page}?categorie=Entreprise&alsace=douze&lorraine=-3&creation=mars")).ReadPageAsync();

        Assert.Contains("<span class=\"erreur-champ\" id=\"Alsace-erreur\">Saisissez un nombre entier de salariés, 0 ou plus.</span>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"Alsace\" name=\"alsace\" value=\"douze\"", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"erreur-champ\" id=\"Lorraine-erreur\">Saisissez un nombre entier de salariés, 0 ou plus.</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"erreur-champ\" id=\"StartupCreatedOn-erreur\">Saisissez une date (jj/mm/aaaa).</span>", page, StringComparison.Ordinal);
        Assert.Empty(QuoteRequests);
    }

    [Fact]
    public async Task When_billing_fails_without_a_message_of_its_own_the_simulator_says_so_at_the_top()
    {
        // Not a 5xx: the site's resilience handler would retry it for seconds.
        Serve(_ => new StubAnswer(404));

        var page = await (await site.CreateClient().GetAsync($"{Page}?categorie=Entreprise&numerique=false&alsace=30")).ReadPageAsync();

        Assert.Contains("<li>Le service des cotisations n'a pas pu traiter la demande. Veuillez réessayer dans quelques instants.</li>", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"grille\">Grille de cotisation 2019</h2>", page, StringComparison.Ordinal);
    }
}
