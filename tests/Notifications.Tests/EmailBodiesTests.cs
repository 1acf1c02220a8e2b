using Nege.Contracts.Membership;
using Nege.Notifications.Email;

namespace Notifications.Tests;

/// <summary>The text and HTML parts built from paragraphs, and from the sections of a form's copy.</summary>
public sealed class EmailBodiesTests
{
    private static readonly Uri Link = new("https://extranet.exemple.fr/adhesions/42");

    private static readonly IReadOnlyList<ApplicationSection> Sections =
    [
        new("Organisme", [new("Nom", "<script>alert('x')</script> & Fils"), new("Présentation", "Première ligne\nSeconde ligne")]),
        new("Périmètre d'adhésion", [new("Alsace", "12"), new("Lorraine", "0")]),
        new("Engagements", []),
    ];

    [Fact]
    public void Paragraphs_alone_give_the_text_and_HTML_parts_as_before_with_the_link_clickable()
    {
        var email = EmailBodies.Build("rh@exemple.fr", "Sujet", ["Bonjour,", "Ouvrez ce lien :", Link.AbsoluteUri], Link);

        Assert.Equal("Bonjour,\n\nOuvrez ce lien :\n\nhttps://extranet.exemple.fr/adhesions/42\n", email.TextBody);
        Assert.Equal(
            "<p>Bonjour,</p>\n<p>Ouvrez ce lien :</p>\n" +
            "<p><a href=\"https://extranet.exemple.fr/adhesions/42\">https://extranet.exemple.fr/adhesions/42</a></p>\n",
            email.HtmlBody);
    }

    [Fact]
    public void The_lines_of_a_paragraph_stay_lines_in_HTML_each_encoded()
    {
        var email = EmailBodies.Build("rh@exemple.fr", "Sujet", ["Organisme : <b>A & B</b>\r\nCatégorie : Entreprise"]);

        Assert.Equal("<p>Organisme : &lt;b&gt;A &amp; B&lt;/b&gt;<br>\nCatégorie : Entreprise</p>\n", email.HtmlBody);
    }

    [Fact]
    public void Sections_follow_the_paragraphs_as_a_title_then_label_and_value_lines_in_the_text()
    {
        var email = EmailBodies.Build("rh@exemple.fr", "Sujet", ["Bonjour,", "Numéric'Emploi Grand Est"], Sections);

        Assert.Equal(
            """
            Bonjour,

            Numéric'Emploi Grand Est

            Organisme
            Nom : <script>alert('x')</script> & Fils
            Présentation : Première ligne
            Seconde ligne

            Périmètre d'adhésion
            Alsace : 12
            Lorraine : 0

            Engagements

            """.ReplaceLineEndings("\n"),
            email.TextBody);
    }

    [Fact]
    public void In_HTML_each_section_is_a_heading_over_a_table_of_encoded_labels_and_values()
    {
        var email = EmailBodies.Build("rh@exemple.fr", "Sujet", ["Bonjour,"], Sections);
        var html = email.HtmlBody;

        Assert.StartsWith("<p>Bonjour,</p>\n<h2>Organisme</h2>\n<table>\n", html, StringComparison.Ordinal);
        Assert.Contains(">Nom</th><td>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; Fils</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains(">Présentation</th><td>Première ligne<br>\nSeconde ligne</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Périmètre d&#x27;adhésion</h2>\n<table>\n", html, StringComparison.Ordinal);
        Assert.Contains(">Alsace</th><td>12</td></tr>", html, StringComparison.Ordinal);
        Assert.EndsWith("</table>\n<h2>Engagements</h2>\n", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<table>").Length - 1);
    }
}
