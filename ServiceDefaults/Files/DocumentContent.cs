using System.IO.Compression;
using System.Text;

namespace Nege.ServiceDefaults.Files;

/// <summary>A kind of file a dossier may hold: how people call it, the type it is served as, and the extensions its name may end with.</summary>
public sealed record DocumentFormat(string Name, string ContentType, IReadOnlyList<string> Extensions)
{
    public static readonly DocumentFormat Pdf = new("un PDF", "application/pdf", [".pdf"]);

    public static readonly DocumentFormat Docx = new(
        "un document Word (DOCX)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);

    public static readonly DocumentFormat Odt = new("un document OpenDocument (ODT)", "application/vnd.oasis.opendocument.text", [".odt"]);

    public static readonly DocumentFormat Doc = new("un document Word 97-2003 (DOC)", "application/msword", [".doc"]);

    public static readonly DocumentFormat Png = new("une image PNG", "image/png", [".png"]);

    public static readonly DocumentFormat Jpeg = new("une image JPEG", "image/jpeg", [".jpg", ".jpeg"]);

    /// <summary>What a candidate's dossier holds.</summary>
    public static IReadOnlyList<DocumentFormat> All { get; } = [Pdf, Docx, Odt, Png, Jpeg];

    /// <summary>« .pdf, .docx, .odt, .png, .jpg ou .jpeg ».</summary>
    public static string AllExtensions { get; } = string.Join(", ", All.SelectMany(f => f.Extensions).SkipLast(1)) + " ou " + All[^1].Extensions[^1];
}

/// <summary>The formats a use accepts, and the sentence that says so (« Seuls les PDF, … sont acceptés. »).</summary>
public sealed record AcceptedDocuments(IReadOnlyList<DocumentFormat> Formats, string Sentence)
{
    public static readonly AcceptedDocuments Dossier = new(DocumentFormat.All,
        "Seuls les PDF, les documents Word (DOCX) ou OpenDocument (ODT) et les images PNG ou JPEG sont acceptés.");

    public static readonly AcceptedDocuments Cv = new([DocumentFormat.Pdf, DocumentFormat.Doc, DocumentFormat.Docx, DocumentFormat.Odt],
        "Seuls les PDF et les documents Word (DOC, DOCX) ou OpenDocument (ODT) sont acceptés.");
}

/// <summary>
/// Recognises a document by its bytes, never by its name or its declared type: PDF (<c>%PDF-</c>),
/// PNG and JPEG by their signatures, DOC by the compound file's; DOCX and ODT are ZIP archives, told
/// apart by what they hold (<c>[Content_Types].xml</c> and <c>word/document.xml</c>; a first entry
/// <c>mimetype</c> naming an OpenDocument text). Pure: no I/O beyond the bytes given.
/// </summary>
public static class DocumentContent
{
    /// <summary>A candidate's dossier's sentence (« Seuls les PDF, … sont acceptés. »).</summary>
    public static readonly string Accepted = AcceptedDocuments.Dossier.Sentence;

    private static readonly byte[] PdfSignature = "%PDF-"u8.ToArray();
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] CompoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] ElfSignature = [0x7F, 0x45, 0x4C, 0x46];
    private static readonly byte[] WindowsExecutableSignature = "MZ"u8.ToArray();
    private static readonly byte[] ScriptSignature = "#!"u8.ToArray();

    private const string OdtMimeType = "application/vnd.oasis.opendocument.text";

    /// <summary>The longest <c>mimetype</c> entry read: OpenDocument's types are short, and nothing bigger is inflated.</summary>
    private const int MimeTypeMaxBytes = 100;

    /// <summary>What the bytes of a candidate's dossier's document are, or null with why they are refused (in French).</summary>
    public static DocumentFormat? FormatOf(byte[] bytes, out string? refusal) => FormatOf(bytes, AcceptedDocuments.Dossier, out refusal);

    /// <summary>What the bytes are among the <paramref name="accepted"/> formats, or null with why they are refused (in French).</summary>
    public static DocumentFormat? FormatOf(byte[] bytes, AcceptedDocuments accepted, out string? refusal)
    {
        var format = Recognise(bytes, accepted.Sentence, out refusal);
        if (format is not null && !accepted.Formats.Contains(format))
        {
            refusal = $"Ce fichier est {format.Name}. {accepted.Sentence}";
            return null;
        }

        return format;
    }

    private static DocumentFormat? Recognise(byte[] bytes, string accepted, out string? refusal)
    {
        refusal = null;
        var span = bytes.AsSpan();
        if (span.IsEmpty)
        {
            refusal = "Le fichier est vide.";
            return null;
        }

        if (span.StartsWith(PdfSignature))
        {
            return DocumentFormat.Pdf;
        }

        if (span.StartsWith(PngSignature))
        {
            return DocumentFormat.Png;
        }

        if (span.StartsWith(JpegSignature))
        {
            return DocumentFormat.Jpeg;
        }

        if (span.StartsWith(CompoundFileSignature))
        {
            return DocumentFormat.Doc;
        }

        if (span.StartsWith(ZipSignature))
        {
            return OfficeFormatOf(bytes, accepted, out refusal);
        }

        refusal = span.StartsWith(ElfSignature) || span.StartsWith(WindowsExecutableSignature) || span.StartsWith(ScriptSignature)
            ? $"Ce fichier est un programme exécutable, quel que soit son nom : il est refusé. {accepted}"
            : $"Le contenu de ce fichier n'est d'aucun des types acceptés. {accepted}";
        return null;
    }

    /// <summary>A ZIP archive is a DOCX, an ODT, or refused.</summary>
    private static DocumentFormat? OfficeFormatOf(byte[] bytes, string accepted, out string? refusal)
    {
        refusal = null;
        try
        {
            using var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var entries = archive.Entries;
            if (entries.Count > 0 && entries[0].FullName == "mimetype" && MimeTypeOf(entries[0]) == OdtMimeType)
            {
                return DocumentFormat.Odt;
            }

            var names = entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (names.Contains("[Content_Types].xml") && names.Contains("word/document.xml"))
            {
                if (names.Any(name => name.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
                {
                    refusal = "Ce document Word contient des macros : enregistrez-le sans macros (DOCX) ou en PDF, puis envoyez-le à nouveau.";
                    return null;
                }

                return DocumentFormat.Docx;
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or NotSupportedException)
        {
            refusal = $"Ce fichier se présente comme une archive ZIP mais ne peut pas être lu. {accepted}";
            return null;
        }

        refusal = $"Ce fichier est une archive ZIP, mais ni un document Word (DOCX) ni un document OpenDocument (ODT). {accepted}";
        return null;
    }

    private static string? MimeTypeOf(ZipArchiveEntry entry)
    {
        if (entry.Length > MimeTypeMaxBytes)
        {
            return null;
        }

        using var stream = entry.Open();
        var buffer = new byte[MimeTypeMaxBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        return total > MimeTypeMaxBytes ? null : Encoding.ASCII.GetString(buffer, 0, total);
    }
}
