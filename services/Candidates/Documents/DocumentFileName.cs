using System.Globalization;
using System.Text;

namespace Nege.Candidates.Documents;

/// <summary>
/// A file name as the sender gave it, made safe to store and to hand back in a
/// <c>Content-Disposition</c>: no folder, no control or invisible characters (a right-to-left
/// override can make « cv‮fdp.exe » read as « cvexe.pdf »), none of the characters file systems
/// refuse, no leading or trailing dots and spaces, no reserved device name, bounded in length.
/// Accented letters stay: « Lettre de motivation Éloïse.pdf » is a fine name.
/// </summary>
public static class DocumentFileName
{
    public const int MaxLength = 120;

    private const string Fallback = "document";

    private static readonly HashSet<string> ReservedNames = new(
        ["CON", "PRN", "AUX", "NUL", .. Enumerable.Range(1, 9).SelectMany(i => new[] { $"COM{i}", $"LPT{i}" })],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The safe name; <c>document</c> (with its extension, if any) when nothing usable is left.</summary>
    public static string Safe(string? original)
    {
        var name = original ?? "";
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        name = name.Normalize(NormalizationForm.FormC);
        var kept = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                kept.Append(' ');
                continue;
            }

            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                    or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator:
                    continue;
            }

            kept.Append(rune.Value is '<' or '>' or ':' or '"' or '|' or '?' or '*' ? "_" : rune.ToString());
        }

        name = string.Join(' ', kept.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');
        var extension = Path.GetExtension(name);
        var stem = name[..^extension.Length].TrimEnd('.', ' ');
        if (extension.Length > 1 + 10 || extension.Contains(' ', StringComparison.Ordinal))
        {
            // Not an extension: « Attestation du 12.03 signée ».
            (stem, extension) = (name, "");
        }

        if (stem.Length == 0)
        {
            stem = Fallback;
        }
        else if (ReservedNames.Contains(stem.Split('.')[0]))
        {
            stem = "_" + stem;
        }

        return Truncate(stem, MaxLength - extension.Length) + extension;
    }

    /// <summary>The extension of a safe name, lower-cased (« .pdf »), or <c>""</c>.</summary>
    public static string ExtensionOf(string safeName) => Path.GetExtension(safeName).ToLowerInvariant();

    /// <summary>At most <paramref name="length"/> characters, cut between whole characters (never inside an accent or an emoji).</summary>
    private static string Truncate(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var cut = new StringBuilder(length);
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext() && cut.Length + elements.GetTextElement().Length <= length)
        {
            cut.Append(elements.GetTextElement());
        }

        return cut.ToString().TrimEnd('.', ' ');
    }
}
