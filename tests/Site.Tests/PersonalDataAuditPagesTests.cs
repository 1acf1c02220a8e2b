using System.Net;

namespace Site.Tests;

/// <summary>The data-protection officer's « Journal des consultations des données personnelles » and its CSV export.</summary>
[Collection(SiteCollection.Name)]
public sealed class PersonalDataAuditPagesTests(SiteFixture site) : IDisposable
{
    private const string Api = "/api/candidates/personal-data-reads";

    private const string Page = "/espace-membre/donnees-personnelles";

    private static readonly Guid DossierId = Guid.Parse("0193a0b1-0000-7000-8000-000000000001");

    private static readonly Guid ReaderId = Guid.Parse("0193a0b1-0000-7000-8000-0000000000a1");

    public void Dispose() => site.Stub.Reset();

    private static object Read(long id, DateTimeOffset at, string what, string? detail) =>
        new { id, at, accountId = ReaderId, readerName = "Claire Membre", dossierId = DossierId, what, detail };

    private static object Reads(object[] items, int page = 1, int total = -1) =>
        new { items, page, pageSize = 20, total = total < 0 ? items.Length : total };

    [Fact]
    public async Task The_journal_sends_the_filters_in_the_apis_names_and_keeps_them_in_the_pager_and_the_export_link()
    {
        site.Stub.Api = _ => new StubAnswer(200, Reads([Read(3, new DateTimeOffset(2026, 11, 3, 9, 5, 0, TimeSpan.Zero), "dossier", null)], 2, 45));
        using var client = await site.SignInAsync("Denise Déléguée", ["dpo"], accessToken: "dpo-token");

        var response = await client.GetAsync($"{Page}?dossier={DossierId}&lecteur={ReaderId}&du=2026-11-01&au=2026-11-30&page=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(site.Stub.ApiRequests);
        Assert.Equal($"{Api}?dossierId={DossierId}&accountId={ReaderId}&from=2026-11-01&to=2026-11-30&page=2&pageSize=20", request.PathAndQuery);
        Assert.Equal("Bearer dpo-token", request.Authorization);
        var page = await response.ReadPageAsync();
        var filters = $"dossier={DossierId}&lecteur={ReaderId}&du=2026-11-01&au=2026-11-30";
        Assert.Contains($"<a href=\"?{filters}&page=1\">Page précédente</a>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"?{filters}&page=3\">Page suivante</a>", page, StringComparison.Ordinal);
        Assert.Contains("Page 2 sur 3", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Page}/export?{filters}\">Exporter en CSV</a>", page, StringComparison.Ordinal);
        Assert.Contains($"id=\"DossierId\" name=\"dossier\" value=\"{DossierId}\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"To\" name=\"au\" value=\"2026-11-30\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_journal_shows_each_read_in_paris_time_with_what_was_read_in_french()
    {
        var winter = new DateTimeOffset(2026, 12, 1, 22, 30, 0, TimeSpan.Zero); // 23:30 in Paris
        var summer = new DateTimeOffset(2026, 7, 14, 22, 30, 0, TimeSpan.Zero); // 00:30 the next day in Paris
        site.Stub.Api = _ => new StubAnswer(200, Reads(
        [
            Read(5, winter, "health_data", "Situation de handicap"),
            Read(4, winter, "document", "cv-jonas.pdf"),
            Read(3, winter, "contact", null),
            Read(2, winter, "export", null),
            Read(1, summer, "dossier", null),
        ]));
        using var client = await site.SignInAsync("Ada Admin", ["admin"]);

        var response = await client.GetAsync(Page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{Api}?page=1&pageSize=20", Assert.Single(site.Stub.ApiRequests).PathAndQuery);
        var page = await response.ReadPageAsync();
        Assert.Contains("<h1>Journal des consultations des données personnelles</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Chaque lecture de données personnelles d'un candidat par une personne est journalisée ; le journal est conservé 5 ans.", page, StringComparison.Ordinal);
        Assert.Matches(
            $"<td>01/12/2026 23:30</td>\\s*<td>Claire Membre<br /><span class=\"aide\">{ReaderId}</span></td>\\s*<td>{DossierId}</td>\\s*<td>Donnée de santé \\(RQTH/BOE\\)</td>\\s*<td>Situation de handicap</td>",
            page);
        Assert.Matches("<td>Document</td>\\s*<td>cv-jonas.pdf</td>", page);
        Assert.Matches("<td>Coordonnées \\(entreprise\\)</td>\\s*<td>—</td>", page);
        Assert.Contains("<td>Export</td>", page, StringComparison.Ordinal);
        Assert.Matches("<td>15/07/2026 00:30</td>(.|\\s)*?<td>Dossier</td>", page);
        Assert.Contains("5 consultations.", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Page}/export\">Exporter en CSV</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_apis_refusal_of_the_period_shows_beside_au()
    {
        site.Stub.Api = _ => new StubAnswer(400, new
        {
            title = "One or more validation errors occurred.", status = 400,
            errors = new Dictionary<string, string[]> { ["to"] = ["La fin de la période ne peut pas précéder son début."] },
        });
        using var client = await site.SignInAsync("Denise Déléguée", ["dpo"]);

        var response = await client.GetAsync($"{Page}?du=2026-11-30&au=2026-11-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"To-erreur\">La fin de la période ne peut pas précéder son début.</span>", page, StringComparison.Ordinal);
        Assert.Matches("id=\"To\" name=\"au\" value=\"2026-11-01\"\\s*aria-invalid=\"true\"\\s*aria-describedby=\"To-erreur\"", page);
        Assert.Contains("<a href=\"#To\">La fin de la période ne peut pas précéder son début.</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Exporter en CSV", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_that_is_no_id_is_refused_beside_its_field_without_asking_the_api()
    {
        using var client = await site.SignInAsync("Denise Déléguée", ["dpo"]);

        var page = await (await client.GetAsync($"{Page}?dossier=2026-000042")).ReadPageAsync();

        Assert.Contains("id=\"DossierId-erreur\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"DossierId\" name=\"dossier\" value=\"2026-000042\"", page, StringComparison.Ordinal);
        Assert.Empty(site.Stub.ApiRequests);
    }

    [Fact]
    public async Task The_export_streams_the_apis_csv_as_an_attachment_with_the_same_filters()
    {
        byte[] csv = [0xEF, 0xBB, 0xBF, .. "date (Europe/Paris);compte du lecteur;lecteur;dossier;donnée lue;détail\r\n"u8.ToArray()];
        site.Stub.Api = _ => StubAnswer.File(csv, "text/csv; charset=utf-8") with
        {
            Headers = new Dictionary<string, string> { ["Content-Disposition"] = "attachment; filename=journal-donnees-personnelles-2026-11-01-2026-11-30.csv" },
        };
        using var client = await site.SignInAsync("Denise Déléguée", ["dpo"], accessToken: "dpo-token");

        var response = await client.GetAsync($"{Page}/export?dossier={DossierId}&lecteur={ReaderId}&du=2026-11-01&au=2026-11-30");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(site.Stub.ApiRequests);
        Assert.Equal($"{Api}/export.csv?dossierId={DossierId}&accountId={ReaderId}&from=2026-11-01&to=2026-11-30", request.PathAndQuery);
        Assert.Equal("Bearer dpo-token", request.Authorization);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("journal-donnees-personnelles-2026-11-01-2026-11-30.csv", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(csv, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_export_the_api_refuses_goes_back_to_the_list_with_the_filters()
    {
        site.Stub.Api = _ => new StubAnswer(400, new { status = 400, errors = new Dictionary<string, string[]> { ["to"] = ["La fin de la période ne peut pas précéder son début."] } });
        using var client = await site.SignInAsync("Denise Déléguée", ["dpo"]);

        var response = await client.GetAsync($"{Page}/export?du=2026-11-30&au=2026-11-01");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{Page}?du=2026-11-30&au=2026-11-01", response.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData(Page)]
    [InlineData(Page + "/export")]
    public async Task A_person_without_the_dpo_or_admin_role_is_refused(string path)
    {
        using var client = await site.SignInAsync("Claire Membre", ["commission", "board", "referent", "recruiter", "employment_partner"]);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(site.Stub.ApiRequests);
    }

    [Fact]
    public async Task The_member_area_links_the_journal_for_the_dpo_and_the_administrators_only()
    {
        using var dpo = await site.SignInAsync("Denise Déléguée", ["dpo"]);
        using var admin = await site.SignInAsync("Ada Admin", ["admin"]);
        using var member = await site.SignInAsync("Claire Membre", ["commission"]);

        var dpoArea = await (await dpo.GetAsync("/espace-membre")).ReadPageAsync();
        var adminArea = await (await admin.GetAsync("/espace-membre")).ReadPageAsync();
        var memberArea = await (await member.GetAsync("/espace-membre")).ReadPageAsync();

        var entry = $"<li><a href=\"{Page}\">Journal des consultations des données personnelles</a></li>";
        Assert.Contains("<h2>Délégué à la protection des données</h2>", dpoArea, StringComparison.Ordinal);
        Assert.Contains(entry, dpoArea, StringComparison.Ordinal);
        Assert.Contains(entry, adminArea, StringComparison.Ordinal);
        Assert.DoesNotContain(Page, memberArea, StringComparison.Ordinal);
    }
}
