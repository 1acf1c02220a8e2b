using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Nege.Notifications.Email;

/// <summary>An e-mail from paragraphs of plain text: the text part, and the HTML part with each paragraph encoded and the link clickable.</summary>
public static class EmailBodies
{
    // Encodes markup but keeps French letters as they are.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static EmailMessage Build(string to, string subject, IReadOnlyList<string> paragraphs, Uri? link = null)
    {
        var text = string.Join("\n\n", paragraphs) + "\n";
        var html = string.Concat(paragraphs.Select(paragraph =>
        {
            var encoded = Html.Encode(paragraph);
            if (link is not null)
            {
                var target = Html.Encode(link.AbsoluteUri);
                encoded = encoded.Replace(target, $"<a href=\"{target}\">{target}</a>", StringComparison.Ordinal);
            }

            return $"<p>{encoded}</p>\n";
        }));
        return new EmailMessage(to, subject, text, html);
    }
}
