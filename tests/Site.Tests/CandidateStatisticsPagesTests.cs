using System.Net;
using System.Text.RegularExpressions;

namespace Site.Tests;

/// <summary>« Statistiques des dossiers effacés »: the anonymous counts the erasure leaves, for the board, the DPO and admins.</summary>
[Collection(SiteCollection.Name)]
public sealed class CandidateStatisticsPagesTests(SiteFixture site) : IDisposable
{
    private const string Api = "/api/candidates/statistics";

    private const string Page = "/espace-membre/statistiques-candidats";

    public void Dispose() => site.Stub.Reset();

    private static object Row(string month, string territory, string outcome, string outcomeLabel, string ageBand, int count) =>
        new { month, territory, outcome, outcomeLabel, ageBand, count };

    private static readonly object[] Rows =
    [
        Row("2026-01-01", "Lorraine", "not_retained", "Non retenu", "Moins de 26 ans", 2),
        Row("2026-01-01", "Lorraine", "closed", "Clôturé", "50 ans et plus", 1),
        Row("2026-12-01", "Alsace", "closed", "Clôturé", "26 à 49 ans", 4),
        Row("2026-12-01", "hors territoire", "submitted", "Déposé", "", 1),
    ];

    [Fact]
    public async Task The_period_in_months_is_sent_as_the_apis_days_and_kept_in_the_form()
    {
        site.Stub.Api = _ => new StubAnswer(200, Rows);
        using var client = await site.SignInAsync("Bruno Bureau", ["board"], accessToken: "board-token");

        var response = await client.GetAsync($"{Page}?du=2026-01&au=2026-02");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(site.Stub.ApiRequests);
        Assert.Equal($"{Api}?from=2026-01-01&to=2026-02-28", request.PathAndQuery);
        Assert.Equal("Bearer board-token", request.Authorization);
        var page = await response.ReadPageAsync();
        Assert.Contains("<input type=\"month\" id=\"From\" name=\"du\" value=\"2026-01\"", page, StringComparison.Ordinal);
        Assert.Contains("<input type=\"month\" id=\"To\" name=\"au\" value=\"2026-02\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_period_everything_is_asked_for_and_a_month_typed_the_french_way_is_taken()
    {
        site.Stub.Api = _ => new StubAnswer(200, Array.Empty<object>());
        using var client = await site.SignInAsync("Denise Déléguée", ["dpo"]);

        var all = await (await client.GetAsync(Page)).ReadPageAsync();
        var french = await (await client.GetAsync($"{Page}?au=12/2026")).ReadPageAsync();

        Assert.Equal(new[] { Api, $"{Api}?to=2026-12-31" }, site.Stub.ApiRequests.Select(request => request.PathAndQuery));
        Assert.Contains("Aucun dossier effacé pour cette période.", all, StringComparison.Ordinal);
        Assert.Contains("<input type=\"month\" id=\"To\" name=\"au\" value=\"2026-12\"", french, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_table_writes_the_months_in_french_and_the_totals_by_territory_and_by_outcome_follow()
    {
        site.Stub.Api = _ => new StubAnswer(200, Rows);
        using var client = await site.SignInAsync("Ada Admin", ["admin"]);

        var page = await (await client.GetAsync(Page)).ReadPageAsync();

        Assert.Contains("<h1>Statistiques des dossiers effacés</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Ce sont les seules traces qui restent des dossiers effacés ; elles n'identifient personne.", page, StringComparison.Ordinal);
        Assert.Contains("8 dossiers effacés sur la période.", page, StringComparison.Ordinal);
        Assert.Matches("<td>janvier 2026</td>\\s*<td>Lorraine</td>\\s*<td>Non retenu</td>\\s*<td>Moins de 26 ans</td>\\s*<td class=\"nombre\">2</td>", page);
        Assert.Matches("<td>décembre 2026</td>\\s*<td>Alsace</td>\\s*<td>Clôturé</td>\\s*<td>26 à 49 ans</td>\\s*<td class=\"nombre\">4</td>", page);
        Assert.Matches("<td>décembre 2026</td>\\s*<td>hors territoire</td>\\s*<td>Déposé</td>\\s*<td>—</td>\\s*<td class=\"nombre\">1</td>", page);

        var byTerritory = Section(page, "par-territoire");
        Assert.Matches("<tr><td>Alsace</td><td class=\"nombre\">4</td></tr>\\s*<tr><td>Lorraine</td><td class=\"nombre\">3</td></tr>\\s*<tr><td>hors territoire</td><td class=\"nombre\">1</td></tr>", byTerritory);
        Assert.Contains("<tr><th scope=\"row\">Total</th><td class=\"nombre\">8</td></tr>", byTerritory, StringComparison.Ordinal);
        var byOutcome = Section(page, "par-issue");
        Assert.Matches("<tr><td>Clôturé</td><td class=\"nombre\">5</td></tr>\\s*<tr><td>Non retenu</td><td class=\"nombre\">2</td></tr>\\s*<tr><td>Déposé</td><td class=\"nombre\">1</td></tr>", byOutcome);
    }

    private static string Section(string page, string id)
    {
        var match = Regex.Match(page, $"<section aria-labelledby=\"{id}\">(.|\\s)*?</section>");
        Assert.True(match.Success, $"the page has the section {id}");
        return match.Value;
    }

    [Fact]
    public async Task A_month_that_is_not_one_is_refused_beside_its_field_without_asking_the_api()
    {
        using var client = await site.SignInAsync("Denise Déléguée", ["dpo"]);

        var page = await (await client.GetAsync($"{Page}?du=décembre")).ReadPageAsync();

        Assert.Contains("<span class=\"erreur-champ\" id=\"From-erreur\">Saisissez un mois (par exemple 2026-12 ou 12/2026).</span>", page, StringComparison.Ordinal);
        Assert.Matches("id=\"From\" name=\"du\" value=\"décembre\" placeholder=\"aaaa-mm\"\\s*aria-invalid=\"true\"\\s*aria-describedby=\"From-erreur\"", page);
        Assert.Empty(site.Stub.ApiRequests);
    }

    [Fact]
    public async Task The_apis_refusal_of_the_period_shows_beside_au()
    {
        site.Stub.Api = _ => new StubAnswer(400, new
        {
            title = "One or more validation errors occurred.", status = 400,
            errors = new Dictionary<string, string[]> { ["to"] = ["La fin de la période doit suivre son début."] },
        });
        using var client = await site.SignInAsync("Bruno Bureau", ["board"]);

        var response = await client.GetAsync($"{Page}?du=2026-12&au=2026-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"To-erreur\">La fin de la période doit suivre son début.</span>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#To\">La fin de la période doit suivre son début.</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_apis_403_is_said_at_the_top()
    {
        site.Stub.Api = _ => new StubAnswer(403, new { title = "Accès refusé.", status = 403, detail = "Réservé au Conseil d'Administration, au délégué à la protection des données et aux administrateurs." });
        using var client = await site.SignInAsync("Bruno Bureau", ["board"]);

        var page = await (await client.GetAsync(Page)).ReadPageAsync();

        Assert.Contains("<li>Réservé au Conseil d'Administration, au délégué à la protection des données et aux administrateurs.</li>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_without_the_board_dpo_or_admin_role_is_refused()
    {
        using var client = await site.SignInAsync("Claire Membre", ["commission", "referent", "recruiter", "employment_partner", "treasurer", "editor"]);

        var response = await client.GetAsync(Page);

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
        Assert.Empty(site.Stub.ApiRequests);
    }

    [Fact]
    public async Task The_member_area_links_the_statistics_for_the_board_the_dpo_and_the_administrators_only()
    {
        var entry = $"<li><a href=\"{Page}\">Statistiques des dossiers effacés</a></li>";
        foreach (var role in new[] { "board", "dpo", "admin" })
        {
            using var allowed = await site.SignInAsync("Personne", [role]);
            Assert.Contains(entry, await (await allowed.GetAsync("/espace-membre")).ReadPageAsync(), StringComparison.Ordinal);
        }

        using var member = await site.SignInAsync("Claire Membre", ["commission", "referent", "treasurer"]);
        Assert.DoesNotContain(Page, await (await member.GetAsync("/espace-membre")).ReadPageAsync(), StringComparison.Ordinal);
    }
}
