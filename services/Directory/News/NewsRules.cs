using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Nege.Contracts.Membership;
using Nege.Contracts.Api.Directory;
using Nege.Html;
using Nege.ServiceDefaults.Files;
using Nege.ServiceDefaults.Http;

namespace Nege.Directory.News;

/// <summary>What becomes of a news item's image: kept as it is, removed, or replaced.</summary>
public abstract record NewsImageChange
{
    public sealed record Keep : NewsImageChange;

    public sealed record Remove : NewsImageChange;

    public sealed record Replace(byte[] Content, DocumentFormat Format) : NewsImageChange
    {
        public string Version => Convert.ToHexStringLower(SHA256.HashData(Content))[..32];
    }
}

/// <summary>A news request checked: the body sanitised, its summary made, the image read from its « data: » URL.</summary>
public sealed record NewsInput(string Title, string BodyHtml, string Summary, string Category, NewsImageChange Image, DateTimeOffset? PublishAt);

/// <summary>The rules of a news item's fields, with their French messages. Pure: no database.</summary>
public static partial class NewsRules
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 50_000;
    public const int SummaryMaxLength = 300;
    public const int ImageMaxBytes = 2 * 1024 * 1024;

    public static readonly AcceptedDocuments Images = new([DocumentFormat.Png, DocumentFormat.Jpeg], "Seules les images PNG ou JPEG sont acceptées.");

    /// <summary>A presentation's formatting less <c>b</c>, <c>i</c>, <c>u</c>, <c>sup</c>, <c>sub</c> and <c>h4</c>; links without a <c>title</c>.</summary>
    private static readonly HtmlAllowList Sanitizer = new(["p", "br", "strong", "em", "ul", "ol", "li", "a", "h2", "h3", "blockquote"], ["href"]);

    private static readonly string Categories = string.Join(", ", MembershipForm.NewsCategories.Select(c => $"« {c} »"));

    /// <param name="published">The item's event has left: it stays published (its date may be corrected, in the past).</param>
    public static (NewsInput? Input, ValidationErrors Errors) Validate(NewsRequest request, ValidationErrors errors, DateTimeOffset now, bool published)
    {
        var title = request.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            errors.Add("title", "Le titre est obligatoire.");
        }
        else
        {
            errors.AddIf(title.Length > TitleMaxLength, "title", $"Le titre fait au plus {TitleMaxLength} caractères ({title.Length} saisis).");
        }

        var body = Body(errors, request.BodyHtml);
        if (string.IsNullOrEmpty(request.Category))
        {
            errors.Add("category", $"La catégorie est obligatoire : {Categories}.");
        }
        else
        {
            errors.AddIf(!MembershipForm.NewsCategories.Contains(request.Category, StringComparer.Ordinal), "category",
                $"« {request.Category} » n'est pas une catégorie d'actualités : choisissez parmi {Categories}.");
        }

        var image = Image(errors, request.Image);
        if (published && (request.PublishAt is null || request.PublishAt > now))
        {
            errors.Add("publishAt", "Cette actualité est déjà publiée : elle ne peut redevenir un brouillon ni être reprogrammée (corrigez sa date dans le passé si besoin).");
        }

        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        return (new NewsInput(title!, body!, SummaryOf(body!), request.Category!, image!, request.PublishAt?.ToUniversalTime()), errors);
    }

    /// <summary>Whether a category is one of the five, for the list's and the feed's filters.</summary>
    public static ValidationErrors Category(string? category) => new ValidationErrors().AddIf(
        category is not null && !MembershipForm.NewsCategories.Contains(category, StringComparer.Ordinal), "category",
        $"« {category} » n'est pas une catégorie d'actualités : choisissez parmi {Categories}.");

    /// <summary>
    /// The body's text, whitespace collapsed, its paragraphs and list items kept apart (« · » where no punctuation
    /// ends one), cut after a word near <see cref="SummaryMaxLength"/> characters.
    /// </summary>
    public static string SummaryOf(string html)
    {
        var blocks = BlockEnds().Split(html)
            .Select(block => Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(block, "")), " ").Trim())
            .Where(block => block.Length > 0);
        var text = new StringBuilder();
        foreach (var block in blocks)
        {
            if (text.Length > 0)
            {
                text.Append(".!?:;…".Contains(text[^1], StringComparison.Ordinal) ? " " : " · ");
            }

            text.Append(block);
        }

        var summary = text.ToString();
        if (summary.Length <= SummaryMaxLength)
        {
            return summary;
        }

        var cut = summary.LastIndexOf(' ', SummaryMaxLength - 1);
        return summary[..(cut > SummaryMaxLength / 2 ? cut : SummaryMaxLength - 1)].TrimEnd() + "…";
    }

    private static string? Body(ValidationErrors errors, string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            errors.Add("bodyHtml", "Le texte de l'actualité est obligatoire.");
            return null;
        }

        if (html.Length > BodyMaxLength)
        {
            errors.Add("bodyHtml", $"Le texte de l'actualité fait au plus {BodyMaxLength} caractères ({html.Length} saisis).");
            return null;
        }

        var clean = Sanitizer.Sanitize(html).Trim();
        if (SummaryOf(clean).Length == 0)
        {
            errors.Add("bodyHtml", "Le texte de l'actualité est vide une fois retirés les éléments non autorisés.");
            return null;
        }

        return clean;
    }

    /// <summary>Null keeps the current image, "" removes it, a « data: » URL replaces it.</summary>
    private static NewsImageChange? Image(ValidationErrors errors, string? image)
    {
        if (image is null)
        {
            return new NewsImageChange.Keep();
        }

        if (image.Length == 0)
        {
            return new NewsImageChange.Remove();
        }

        var comma = image.IndexOf(',', StringComparison.Ordinal);
        if (!image.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || comma < 0
            || !image.AsSpan(0, comma).EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("image", "L'image s'envoie comme une adresse « data: » en base64 (data:image/png;base64,…).");
            return null;
        }

        var encoded = image.AsSpan(comma + 1);
        if ((long)encoded.Length * 3 / 4 > ImageMaxBytes + 2)
        {
            errors.Add("image", $"L'image fait au plus {FileSize.French(ImageMaxBytes)}.");
            return null;
        }

        var buffer = new byte[encoded.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64Chars(encoded, buffer, out var length) || length == 0)
        {
            errors.Add("image", "L'image n'est pas un base64 valide.");
            return null;
        }

        if (length > ImageMaxBytes)
        {
            errors.Add("image", $"L'image fait au plus {FileSize.French(ImageMaxBytes)} (celle-ci fait {FileSize.French(length)}).");
            return null;
        }

        var content = buffer[..length];
        var format = DocumentContent.FormatOf(content, Images, out var refusal);
        if (format is null)
        {
            errors.Add("image", refusal!);
            return null;
        }

        return new NewsImageChange.Replace(content, format);
    }

    [GeneratedRegex(@"<(?:br\s*/?|/(?:p|li|h2|h3|blockquote|ul|ol))>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnds();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
