using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Nege.Notifications.Digest;

namespace Notifications.Tests;

/// <summary>The digest's composition alone: its signature, and the links to choose other categories and to unsubscribe, on the link's own site.</summary>
public sealed class NewsDigestEmailTests
{
    private static readonly NewsItem Item = new()
    {
        Id = Guid.NewGuid(),
        Title = "Forum de l'emploi numérique",
        Category = "Evénement public",
        Summary = "Rencontrez les entreprises du numérique.",
        Link = "https://site.test/nege/actualites/1",
        PublishedAt = DateTimeOffset.Parse("2026-12-01T09:00:00Z"),
    };

    [Theory]
    [InlineData("https://site.test", "https://site.test/espace-membre/notifications")]
    [InlineData("https://site.test/nege/", "https://site.test/nege/espace-membre/notifications")]
    public void The_digest_is_signed_and_links_to_the_categories_page_of_its_site(string issuer, string preferences)
    {
        var links = new UnsubscribeLinks(
            Options.Create(new DigestOptions { UnsubscribeKey = new string('k', 32) }),
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Identity:Issuer"] = issuer }).Build());
        var unsubscribe = links.For(Guid.NewGuid());

        var email = NewsDigestEmail.Compose("lea@exemple.test", new DateOnly(2026, 12, 2), [Item], unsubscribe, links.PreferencesPage);

        Assert.Equal(preferences, links.PreferencesPage.AbsoluteUri);
        Assert.StartsWith(issuer.TrimEnd('/') + "/api/notifications/digest/unsubscribe?p=", unsubscribe.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("\nNuméric'Emploi Grand Est\n", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Pour choisir d'autres catégories (après connexion) : {preferences}\n", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Pour ne plus recevoir ces courriels : {unsubscribe.AbsoluteUri}\n", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{preferences}\">Choisir d&#x27;autres catégories</a> (après connexion)", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<p>Numéric&#x27;Emploi Grand Est</p>", email.HtmlBody, StringComparison.Ordinal);
    }
}
