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
    [InlineData("https://site.test/api/notifications/digest/unsubscribe?p=a&s=b", "https://site.test/espace-membre/notifications")]
    [InlineData("https://site.test/nege/api/notifications/digest/unsubscribe?p=a&s=b", "https://site.test/nege/espace-membre/notifications")]
    public void The_digest_is_signed_and_links_to_the_categories_page_of_its_site(string unsubscribe, string preferences)
    {
        var email = NewsDigestEmail.Compose("lea@exemple.test", new DateOnly(2026, 12, 2), [Item], new Uri(unsubscribe));

        Assert.Contains("\nNuméric'Emploi Grand Est\n", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Pour choisir d'autres catégories (après connexion) : {preferences}\n", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Pour ne plus recevoir ces courriels : {new Uri(unsubscribe).AbsoluteUri}\n", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{preferences}\">Choisir d&#x27;autres catégories</a> (après connexion)", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<p>Numéric&#x27;Emploi Grand Est</p>", email.HtmlBody, StringComparison.Ordinal);
    }
}
