using System.Net;
using System.Text.RegularExpressions;

namespace Site.Tests;

[Collection(SiteCollection.Name)]
public sealed partial class PagesTests(SiteFixture site)
{
    [Fact]
    public async Task The_home_page_is_french_html()
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<html lang=\"fr\">", page, StringComparison.Ordinal);
        Assert.Contains("<title>Accueil — Numéric'Emploi Grand Est</title>", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Numéric'Emploi Grand Est</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Aider les personnes en recherche d'emploi à trouver un poste dans un métier du numérique.", page, StringComparison.Ordinal);
        Assert.Contains("Aller au contenu", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_legal_notice_the_account_form_links_to_is_public_and_french()
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync("/mentions-legales");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<h1>Mentions légales</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Conditions d'utilisation des données de votre profil utilisateur de l'extranet", page, StringComparison.Ordinal);
        Assert.Contains("Votre adresse de courriel n'est pas publique.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stylesheet_the_layout_links_to_is_served()
    {
        using var client = site.CreateClient();
        var page = await client.GetStringAsync("/");
        var stylesheet = StylesheetLink().Match(page);
        Assert.True(stylesheet.Success, "the layout links to a stylesheet");

        var response = await client.GetAsync(WebUtility.HtmlDecode(stylesheet.Groups["href"].Value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/cette-page-n-existe-pas")]
    [InlineData("/annuaire/entreprise-inconnue")]
    [InlineData("/Index/en-trop")]
    public async Task An_unknown_page_gets_404_with_a_french_page(string path)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        // Razor writes non-ASCII characters of model values as character references (&#xE9;): compare decoded text.
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<html lang=\"fr\">", page, StringComparison.Ordinal);
        Assert.Contains("<title>Page introuvable — Numéric'Emploi Grand Est</title>", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Page introuvable</h1>", page, StringComparison.Ordinal);
        Assert.Contains("La page demandée n'existe pas ou a été déplacée.", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">Retour à l'accueil</a>", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(?<href>[^\"]+)\"")]
    private static partial Regex StylesheetLink();
}
