using System.Net;
using System.Text.RegularExpressions;
using Nege.Contracts.Candidates;

namespace Site.Tests;

/// <summary>Seed 004's two notices to candidates, one public page per version.</summary>
[Collection(SiteCollection.Name)]
public sealed partial class CandidateNoticePagesTests(SiteFixture site)
{
    public static TheoryData<string> DataUseVersions() => [.. CandidateNotices.DataUseVersions];

    public static TheoryData<string> CollaborationVersions() => [.. CandidateNotices.CollaborationVersions];

    [Theory]
    [MemberData(nameof(DataUseVersions))]
    public async Task Every_version_of_the_data_use_notice_is_public_at_its_own_address(string version)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(CandidateNotices.DataUsePath(version));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains($"<title>{CandidateNotices.DataUseTitle} — Numéric'Emploi Grand Est</title>", page, StringComparison.Ordinal);
        Assert.Contains($"<h1>{CandidateNotices.DataUseTitle}</h1>", page, StringComparison.Ordinal);
        Assert.Contains($"Version <strong>{version}</strong>", page, StringComparison.Ordinal);
        Assert.Contains($"un dossier qui indique la version {version} renvoie au présent texte", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_data_use_notice_is_the_seeds_text_with_its_introduction_lists_bold_and_links()
    {
        using var client = site.CreateClient();

        var page = await (await client.GetAsync(CandidateNotices.DataUsePath("2026-12"))).ReadPageAsync();

        var text = Text(page);
        Assert.Contains("Numéric'Emploi Grand Est (NEGE) est une association à but non lucratif reconnue d'intérêt général par les pouvoirs publics qui a pour objectif :", text, StringComparison.Ordinal);
        Assert.Contains("Vos données sont conservées avec une durée maximale de 36 mois à compter de la date de dernière mise à jour de votre dossier. Au-delà de ce délai, elles sont détruites dans un délai d'un mois.", text, StringComparison.Ordinal);
        Assert.Contains("<strong>36 mois</strong>", page, StringComparison.Ordinal);
        Assert.Contains("<h2>vous aider à trouver un emploi dans un métier du numérique</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<li>que nous collectons lors d'entretien,</li>", page, StringComparison.Ordinal);
        Assert.Contains("<li>savoir-être significatif</li>", page, StringComparison.Ordinal);
        Assert.Contains("<strong>les membres adhérents ou conventionnés de l'association</strong>", page, StringComparison.Ordinal);
        Assert.Contains("<em>Pour cela, si vous n'avez pas constitué votre dossier via l'extranet de l'association,", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://grand-est.numeric-emploi.org/contact\">https://grand-est.numeric-emploi.org/contact</a>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"http://www.cnil.fr/fr/comprendre-vos-droits\">www.cnil.fr/fr/comprendre-vos-droits</a>", page, StringComparison.Ordinal);
        // The other notice is its own page.
        Assert.DoesNotContain("vous vous engagez", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CollaborationVersions))]
    public async Task Every_version_of_the_collaboration_notice_is_public_at_its_own_address(string version)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(CandidateNotices.CollaborationPath(version));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains($"<title>{CandidateNotices.CollaborationTitle} — Numéric'Emploi Grand Est</title>", page, StringComparison.Ordinal);
        Assert.Contains($"<h1>{CandidateNotices.CollaborationTitle}</h1>", page, StringComparison.Ordinal);
        Assert.Contains($"Version <strong>{version}</strong>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_collaboration_notice_is_the_seeds_text_with_its_nested_lists()
    {
        using var client = site.CreateClient();

        var page = await (await client.GetAsync(CandidateNotices.CollaborationPath("2026-12"))).ReadPageAsync();

        var text = Text(page);
        Assert.Contains("pour vous aider le candidat à trouver un emploi, vous vous engagez à effectuer les actions suivantes dans les plus brefs délais :", text, StringComparison.Ordinal);
        Assert.Contains("<strong>vous vous engagez</strong>", page, StringComparison.Ordinal);
        Assert.Contains("<li>avez trouvé un emploi,</li>", page, StringComparison.Ordinal);
        Assert.Contains("dans sur une période minimum de 6 mois après la fin d'une action,", text, StringComparison.Ordinal);
        Assert.Contains("ces organismes sont référencés dans le répertoire consultable sur le site Internet d'l'association.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("36 mois", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/candidats/donnees-personnelles", "/candidats/donnees-personnelles/", CandidateNotices.DataUseTitle, CandidateNotices.CurrentDataUseVersion)]
    [InlineData("/candidats/engagement", "/candidats/engagement/", CandidateNotices.CollaborationTitle, CandidateNotices.CurrentCollaborationVersion)]
    public async Task The_address_without_a_version_shows_the_current_version(string path, string withSlash, string title, string current)
    {
        using var client = site.CreateClient();
        var versioned = await (await client.GetAsync($"{path}/{current}")).ReadPageAsync();

        foreach (var address in new[] { path, withSlash })
        {
            var response = await client.GetAsync(address);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadPageAsync();
            Assert.Contains($"<h1>{title}</h1>", page, StringComparison.Ordinal);
            Assert.Contains($"Version <strong>{current}</strong>, en vigueur.", page, StringComparison.Ordinal);
            Assert.Contains($"<a href=\"{path}/{current}\">{path}/{current}</a>", page, StringComparison.Ordinal);
            Assert.Equal(MainRegion(versioned), MainRegion(page));
        }
    }

    [Theory]
    [InlineData("/candidats/donnees-personnelles/2019-01")]
    [InlineData("/candidats/donnees-personnelles/2026-12-bis")]
    [InlineData("/candidats/donnees-personnelles/..%2Fengagement-2026-12")]
    [InlineData("/candidats/donnees-personnelles/2026-12/en-trop")]
    [InlineData("/candidats/engagement/2019-01")]
    [InlineData("/candidats/engagement/inconnue")]
    public async Task An_unknown_version_gets_the_sites_not_found_page(string path)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.ReadPageAsync();
        Assert.Contains("<title>Page introuvable — Numéric'Emploi Grand Est</title>", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Page introuvable</h1>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/mentions-legales")]
    [InlineData("/")]
    public async Task The_legal_notice_and_every_pages_footer_link_to_both_notices(string path)
    {
        using var client = site.CreateClient();

        var page = await (await client.GetAsync(path)).ReadPageAsync();

        var region = path == "/" ? Footer(page) : MainRegion(page);
        Assert.Contains($"<a href=\"/candidats/donnees-personnelles\">{CandidateNotices.DataUseTitle}</a>", region, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/candidats/engagement\">{CandidateNotices.CollaborationTitle}</a>", region, StringComparison.Ordinal);
    }

    /// <summary>The page's text as a reader sees it: tags removed, white space collapsed.</summary>
    private static string Text(string page) => Spaces().Replace(Tags().Replace(MainRegion(page), " "), " ").Replace(" ,", ",", StringComparison.Ordinal);

    private static string MainRegion(string page) => Region(page, "main");

    private static string Footer(string page) => Region(page, "footer");

    private static string Region(string page, string element)
    {
        var start = page.IndexOf($"<{element}", StringComparison.Ordinal);
        var end = page.IndexOf($"</{element}>", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"the page has a <{element}>");
        return page[start..end];
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
