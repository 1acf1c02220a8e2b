using AngleSharp.Dom;
using Ganss.Xss;
using Microsoft.AspNetCore.Html;

namespace Nege.Site.Annuaire;

/// <summary>
/// A member's presentation as the site shows it. Membership sanitised it when it was written; the site sanitises it
/// again, with its own allow-list (the same text formatting, links to web or mail addresses only), before writing it
/// as HTML: what reaches the page never depends on another service having done it right.
/// </summary>
public static class PresentationHtml
{
    /// <summary>Removed with everything inside (a script's source is not kept as text).</summary>
    private static readonly HashSet<string> RemovedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "frame", "frameset", "noscript", "noembed", "noframes", "object", "embed", "applet",
        "template", "textarea", "title", "xmp", "svg", "math",
    };

    private static readonly string[] AllowedTags =
        ["p", "br", "strong", "b", "em", "i", "u", "sup", "sub", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote"];

    private static readonly HtmlSanitizer Sanitizer = Create();

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

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        sanitizer.AllowedTags.UnionWith(AllowedTags);
        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedAttributes.Add("href");
        sanitizer.AllowedAttributes.Add("title");
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowDataAttributes = false;
        sanitizer.KeepChildNodes = true;
        sanitizer.RemovingTag += (_, removing) =>
        {
            if (RemovedWithContent.Contains(removing.Tag.LocalName))
            {
                removing.Tag.Remove();
                removing.Cancel = true;
            }
        };
        // A member's links leave the site without passing it any credit or access to the page.
        sanitizer.PostProcessNode += (_, processing) =>
        {
            if (processing.Node is IElement { LocalName: "a" } link)
            {
                link.SetAttribute("rel", "noopener nofollow");
            }
        };
        return sanitizer;
    }
}
