using Microsoft.AspNetCore.Html;
using Nege.Html;

namespace Nege.Site.Annuaire;

/// <summary>
/// A member's presentation as the site shows it. Membership sanitised it when it was written; the site sanitises it
/// again, with its own allow-list (the same text formatting, links to web or mail addresses only), before writing it
/// as HTML: what reaches the page never depends on another service having done it right.
/// </summary>
public static class PresentationHtml
{
    /// <summary>
    /// Membership's allow-list, with SVG and MathML also removed with their content, and a member's links leaving the
    /// site without passing it any credit or access to the page.
    /// </summary>
    private static readonly HtmlAllowList Sanitizer =
        new(HtmlAllowList.FormattedText, ["href", "title"], alsoRemovedWithContent: ["svg", "math"], linkRel: "noopener nofollow");

    /// <summary>The presentation, safe to write as HTML; null when nothing is left of it.</summary>
    public static IHtmlContent? Of(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        var clean = Sanitizer.Sanitize(html).Trim();
        return clean.Length == 0 ? null : new HtmlString(clean);
    }
}
