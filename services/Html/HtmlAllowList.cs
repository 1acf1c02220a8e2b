using AngleSharp.Dom;
using Ganss.Xss;

namespace Nege.Html;

/// <summary>
/// The allow-list sanitiser of the HTML people write (a member's presentation, a news item's body): only the named
/// elements and attributes are kept, links go to web or mail addresses only, no style, class or data attribute
/// survives, and an element not allowed leaves its text behind — except those of <see cref="RemovedWithContent"/>,
/// removed with everything inside. What differs between its uses is given to the constructor.
/// </summary>
public sealed class HtmlAllowList
{
    /// <summary>The text formatting a member's presentation may use.</summary>
    public static readonly IReadOnlyList<string> FormattedText =
        ["p", "br", "strong", "b", "em", "i", "u", "sup", "sub", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote"];

    /// <summary>
    /// Elements removed with everything inside: their content is code, styling or fallback, never text to show (with
    /// <see cref="HtmlSanitizer.KeepChildNodes"/> alone, a script's source would be kept as visible text).
    /// </summary>
    public static readonly IReadOnlyList<string> RemovedWithContent =
    [
        "script", "style", "iframe", "frame", "frameset", "noscript", "noembed", "noframes", "object", "embed", "applet",
        "template", "textarea", "title", "xmp",
    ];

    private static readonly string[] Schemes = ["http", "https", "mailto"];

    private readonly HtmlSanitizer _sanitizer;

    /// <param name="tags">The elements kept.</param>
    /// <param name="attributes">The attributes kept on them (<c>href</c> checked against the allowed schemes).</param>
    /// <param name="alsoRemovedWithContent">Elements removed with their content besides <see cref="RemovedWithContent"/>.</param>
    /// <param name="linkRel">When given, the <c>rel</c> every link is written with.</param>
    public HtmlAllowList(
        IEnumerable<string> tags, IEnumerable<string> attributes, IEnumerable<string>? alsoRemovedWithContent = null, string? linkRel = null)
    {
        var removedWithContent = new HashSet<string>(RemovedWithContent, StringComparer.OrdinalIgnoreCase);
        removedWithContent.UnionWith(alsoRemovedWithContent ?? []);

        _sanitizer = new HtmlSanitizer();
        _sanitizer.AllowedTags.Clear();
        _sanitizer.AllowedTags.UnionWith(tags);
        _sanitizer.AllowedAttributes.Clear();
        _sanitizer.AllowedAttributes.UnionWith(attributes);
        _sanitizer.AllowedSchemes.Clear();
        _sanitizer.AllowedSchemes.UnionWith(Schemes);
        _sanitizer.AllowedCssProperties.Clear();
        _sanitizer.AllowedAtRules.Clear();
        _sanitizer.AllowDataAttributes = false;
        _sanitizer.KeepChildNodes = true;
        _sanitizer.RemovingTag += (_, removing) =>
        {
            if (removedWithContent.Contains(removing.Tag.LocalName))
            {
                removing.Tag.Remove();
                removing.Cancel = true;
            }
        };
        if (linkRel is not null)
        {
            _sanitizer.PostProcessNode += (_, processing) =>
            {
                if (processing.Node is IElement { LocalName: "a" } link)
                {
                    link.SetAttribute("rel", linkRel);
                }
            };
        }
    }

    /// <summary>The HTML with only what the allow-list keeps; not trimmed.</summary>
    public string Sanitize(string html) => _sanitizer.Sanitize(html);
}
