using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Nege.Contracts.Membership;

namespace Nege.Notifications.Email;

/// <summary>
/// An e-mail from paragraphs of plain text: the text part, and the HTML part with each paragraph
/// encoded, its line breaks kept and the link clickable. Sections (a form's copy) may follow the
/// paragraphs: each title a heading, each field a row of label and value.
/// </summary>
public static class EmailBodies
{
    // Encodes markup but keeps French letters as they are.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static EmailMessage Build(string to, string subject, IReadOnlyList<string> paragraphs, Uri? link = null) =>
        Build(to, subject, paragraphs, sections: [], link);

    public static EmailMessage Build(string to, string subject, IReadOnlyList<string> paragraphs, IReadOnlyList<ApplicationSection> sections, Uri? link = null)
    {
        var text = new StringBuilder(string.Join("\n\n", paragraphs)).Append('\n');
        var html = new StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            var encoded = Encode(paragraph);
            if (link is not null)
            {
                var target = Html.Encode(link.AbsoluteUri);
                encoded = encoded.Replace(target, $"<a href=\"{target}\">{target}</a>", StringComparison.Ordinal);
            }

            html.Append("<p>").Append(encoded).Append("</p>\n");
        }

        foreach (var section in sections)
        {
            text.Append('\n').Append(section.Title).Append('\n');
            html.Append("<h2>").Append(Encode(section.Title)).Append("</h2>\n");
            if (section.Fields.Count == 0)
            {
                continue;
            }

            html.Append("<table>\n");
            foreach (var field in section.Fields)
            {
                text.Append(field.Label).Append(" : ").Append(field.Value).Append('\n');
                html.Append("<tr><th scope=\"row\" style=\"text-align:left;vertical-align:top;padding-right:1em\">")
                    .Append(Encode(field.Label))
                    .Append("</th><td>")
                    .Append(Encode(field.Value))
                    .Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        return new EmailMessage(to, subject, text.ToString(), html.ToString());
    }

    /// <summary>Encoded for HTML, with its line breaks (a list of facts, a multi-line answer) kept as <c>&lt;br&gt;</c>.</summary>
    private static string Encode(string plainText) =>
        string.Join("<br>\n", plainText.ReplaceLineEndings("\n").Split('\n').Select(Html.Encode));
}
