using System.Text.RegularExpressions;
using Nege.Contracts.Membership;
using Nege.Html;
using Nege.ServiceDefaults.Http;

namespace Nege.Membership.Applications;

/// <summary>The rules of the « Devenir adhérent » form's fields, with their French messages. Pure: no database.</summary>
public static partial class FormRules
{
    public const int TextMaxLength = 200;
    public const int PresentationMaxLength = 20_000;
    public const int WebsiteMaxLength = 500;
    public const int HeadcountMax = 1_000_000;

    private static readonly HtmlAllowList Sanitizer = new(HtmlAllowList.FormattedText, ["href", "title"]);

    // [0-9], not \d: \d also matches other scripts' digits (« ٦٧٠٠٠ », full-width « ６７０００ »).
    [GeneratedRegex(@"^[0-9]{5}$")]
    private static partial Regex FrenchPostalCode();

    /// <summary>A trimmed optional text, null when empty.</summary>
    public static string? Text(ValidationErrors errors, string field, string? value, string label, int maxLength = TextMaxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        errors.AddIf(trimmed.Length > maxLength, field, $"{label} ne doit pas dépasser {maxLength} caractères.");
        return trimmed;
    }

    public static string? PostalCode(ValidationErrors errors, string field, string? value)
    {
        var trimmed = value?.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        errors.AddIf(!FrenchPostalCode().IsMatch(trimmed), field, "Le code postal doit comporter 5 chiffres.");
        return trimmed;
    }

    /// <summary>« URL complète de votre site web »: an absolute http or https address.</summary>
    public static string? Website(ValidationErrors errors, string field, string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > WebsiteMaxLength
            || !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || string.IsNullOrEmpty(uri.Host))
        {
            errors.Add(field, "Le site web doit être une adresse complète, commençant par https:// ou http:// (par exemple https://www.exemple.fr).");
            return null;
        }

        return uri.AbsoluteUri;
    }

    /// <summary>One value of a list, spelled as the seed spells it; null when empty.</summary>
    public static string? OneOf(ValidationErrors errors, string field, string? value, IReadOnlyList<string> allowed, string label)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (!allowed.Contains(trimmed, StringComparer.Ordinal))
        {
            errors.Add(field, $"{label} doit être l'une des valeurs : {string.Join(", ", allowed)}.");
            return null;
        }

        return trimmed;
    }

    /// <summary>Values of a list, each once, in the list's order.</summary>
    public static string[] ManyOf(ValidationErrors errors, string field, IReadOnlyList<string>? values, IReadOnlyList<string> allowed, string label)
    {
        if (values is null)
        {
            return [];
        }

        var unknown = values.Where(value => !allowed.Contains(value?.Trim() ?? "", StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(field, $"{label} : valeur inconnue « {unknown[0]} ». Valeurs possibles : {string.Join(", ", allowed)}.");
        }

        var chosen = values.Select(value => value?.Trim()).ToHashSet(StringComparer.Ordinal);
        return [.. allowed.Where(chosen.Contains)];
    }

    public static int? Headcount(ValidationErrors errors, string field, int? value, string label)
    {
        if (value is < 0 or > HeadcountMax)
        {
            errors.Add(field, $"{label} doit être un nombre entre 0 et {HeadcountMax}.");
            return null;
        }

        return value;
    }

    /// <summary>
    /// The seed's definition: « une startup est une entreprise créée depuis moins de 3 ans au 1er janvier
    /// de l'année en cours, ayant moins de 10 salariés ou un Chiffre d'Affaires &lt; 300 K€ ».
    /// </summary>
    public static bool IsStartup(DateOnly creationDate, int headcount, string turnoverBand, DateOnly today)
    {
        var firstOfJanuary = new DateOnly(today.Year, 1, 1);
        var youngEnough = creationDate > firstOfJanuary.AddYears(-3);
        return youngEnough && (headcount < 10 || turnoverBand == MembershipForm.TurnoverBelowThreshold);
    }

    public const string StartupDefinition =
        "Une startup est une entreprise créée depuis moins de 3 ans au 1er janvier de l'année en cours, ayant moins de 10 salariés ou un Chiffre d'Affaires < 300 K€.";

    /// <summary>
    /// Presentation text as HTML: formatting survives; scripts, styles, event handlers, frames and
    /// <c>javascript:</c> links do not. Null when nothing is left.
    /// </summary>
    public static string? Presentation(ValidationErrors errors, string field, string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        if (html.Length > PresentationMaxLength)
        {
            errors.Add(field, $"La présentation ne doit pas dépasser {PresentationMaxLength} caractères.");
            return null;
        }

        var clean = Sanitizer.Sanitize(html).Trim();
        return clean.Length == 0 ? null : clean;
    }

    /// <summary>The text of sanitised HTML, for e-mails.</summary>
    public static string PlainText(string html) =>
        System.Net.WebUtility.HtmlDecode(Tags().Replace(html.Replace("</p>", "\n", StringComparison.OrdinalIgnoreCase), " ")).Trim();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
