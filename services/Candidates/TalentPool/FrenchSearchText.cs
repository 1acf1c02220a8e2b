using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Nege.Candidates.TalentPool;

/// <summary>
/// What PostgreSQL's French stemming does not do for job titles: it stems « développeurs » as « développeur »
/// but « développeuse » as « développ » (with « développement »), so a recruiter searching one gender would
/// miss the other. The card's texts are indexed with the masculine form of each feminine title beside it,
/// and a query is also run with its feminine words put in the masculine: either form finds both.
/// </summary>
public static partial class FrenchSearchText
{
    [GeneratedRegex(@"\b(\p{L}{3,}?)(euse|rice|ienne|onne)s?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FeminineWord();

    /// <summary>The masculine of a feminine job word (« développeuse » → « développeur », « administratrice » → « administrateur »), else null.</summary>
    public static string? Masculine(string word)
    {
        var match = FeminineWord().Match(word);
        if (!match.Success || match.Length != word.Length)
        {
            return null;
        }

        var stem = match.Groups[1].Value;
        return match.Groups[2].Value.ToLowerInvariant() switch
        {
            "euse" => stem + "eur",
            "rice" => stem + "eur",
            "ienne" => stem + "ien",
            "onne" => stem + "on",
            _ => null,
        };
    }

    /// <summary>The text to index: itself, then the masculine forms of its feminine words.</summary>
    public static string ForIndex(string text)
    {
        var masculine = FeminineWord().Matches(text).Select(m => Masculine(m.Value)).OfType<string>().Distinct().ToList();
        return masculine.Count == 0 ? text : $"{text} {string.Join(' ', masculine)}";
    }

    /// <summary>The query with its feminine words in the masculine; null when it has none.</summary>
    public static string? MasculineQuery(string query)
    {
        var changed = FeminineWord().Replace(query, m => Masculine(m.Value) ?? m.Value);
        return changed == query ? null : changed;
    }

    /// <summary>A skill's name as the skills filter compares it: trimmed, lower-case, without accents.</summary>
    public static string Key(string name)
    {
        var decomposed = name.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
        {
            builder.Append(c);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
