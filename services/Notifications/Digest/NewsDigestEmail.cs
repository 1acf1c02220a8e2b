using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Nege.Contracts.Membership;
using Nege.Notifications.Email;

namespace Nege.Notifications.Digest;

/// <summary>A person's digest: their categories' news, category by category, and the link that unsubscribes them.</summary>
public static class NewsDigestEmail
{
    public const string TemplateName = "news-digest";

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Subject(DateOnly day) => $"Les actualités de Numéric'Emploi Grand Est du {FrenchDates.Format(day)}";

    public static EmailMessage Compose(string to, DateOnly day, IReadOnlyList<NewsItem> items, Uri unsubscribe, Uri preferences)
    {
        var text = new StringBuilder();
        var html = new StringBuilder();
        var intro = items.Count == 1
            ? "Une nouvelle actualité a été publiée dans les catégories que vous suivez :"
            : $"{items.Count} nouvelles actualités ont été publiées dans les catégories que vous suivez :";
        text.Append("Bonjour,\n\n").Append(intro).Append('\n');
        html.Append("<p>Bonjour,</p>\n<p>").Append(Html.Encode(intro)).Append("</p>\n");

        // In the form's order of categories, then any other (a category added later), each item newest first.
        var byCategory = items.GroupBy(i => i.Category)
            .OrderBy(g => MembershipForm.NewsCategories.IndexOf(g.Key) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(g => g.Key, StringComparer.Ordinal);
        foreach (var category in byCategory)
        {
            text.Append('\n').Append(category.Key).Append('\n');
            html.Append("<h2>").Append(Html.Encode(category.Key)).Append("</h2>\n<ul>\n");
            foreach (var item in category.OrderByDescending(i => i.PublishedAt).ThenBy(i => i.Title, StringComparer.Ordinal))
            {
                text.Append("- ").Append(item.Title).Append('\n')
                    .Append("  ").Append(item.Summary).Append('\n')
                    .Append("  ").Append(item.Link).Append('\n');
                var link = Html.Encode(item.Link);
                html.Append("<li><a href=\"").Append(link).Append("\"><strong>").Append(Html.Encode(item.Title)).Append("</strong></a><br>\n")
                    .Append(Html.Encode(item.Summary)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        const string signature = "Numéric'Emploi Grand Est";
        text.Append('\n').Append(signature).Append('\n');
        html.Append("<p>").Append(Html.Encode(signature)).Append("</p>\n");

        const string why = "Vous recevez ce courriel parce que vous avez choisi ces catégories d'actualités sur Numéric'Emploi Grand Est.";
        text.Append('\n').Append(why)
            .Append("\nPour choisir d'autres catégories (après connexion) : ").Append(preferences.AbsoluteUri)
            .Append("\nPour ne plus recevoir ces courriels : ").Append(unsubscribe.AbsoluteUri).Append('\n');
        var target = Html.Encode(unsubscribe.AbsoluteUri);
        html.Append("<p style=\"font-size:smaller\">").Append(Html.Encode(why))
            .Append("<br>\n<a href=\"").Append(Html.Encode(preferences.AbsoluteUri)).Append("\">").Append(Html.Encode("Choisir d'autres catégories")).Append("</a> (après connexion)")
            .Append(" · <a href=\"").Append(target).Append("\">Ne plus recevoir ces courriels</a></p>\n");

        return new EmailMessage(to, Subject(day), text.ToString(), html.ToString())
        {
            Headers = new Dictionary<string, string>
            {
                ["List-Unsubscribe"] = $"<{unsubscribe.AbsoluteUri}>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            },
        };
    }

    private static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
