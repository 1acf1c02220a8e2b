using System.IO.Compression;
using System.Text;

namespace Candidates.Tests;

/// <summary>The smallest real files of each kind, built here, and the files that must be refused.</summary>
public static class SampleDocuments
{
    /// <summary>A 1×1 grey PNG (signature, IHDR, IDAT, IEND).</summary>
    public static byte[] Png() =>
        Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    /// <summary>A JPEG's start of image, its JFIF header and its end of image.</summary>
    public static byte[] Jpeg() =>
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    /// <summary>A one-page PDF with no content; <paramref name="padTo"/> pads it (in a comment) to that many bytes.</summary>
    public static byte[] Pdf(int padTo = 0)
    {
        var text = """
                   %PDF-1.4
                   1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                   2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
                   3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
                   trailer << /Root 1 0 R >>
                   %%EOF

                   """;
        var bytes = Encoding.ASCII.GetBytes(text);
        if (padTo <= bytes.Length)
        {
            return bytes;
        }

        var padded = new byte[padTo];
        bytes.CopyTo(padded, 0);
        padded.AsSpan(bytes.Length).Fill((byte)'%');
        return padded;
    }

    /// <summary>A Word document: the package's content types, its relationships and its main part.</summary>
    public static byte[] Docx(bool withMacros = false) => Zip(
        ("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""),
        ("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""),
        ("word/document.xml", """<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Élodie Martin</w:t></w:r></w:p></w:body></w:document>"""),
        withMacros ? ("word/vbaProject.bin", "Attribute VB_Name") : ("docProps/app.xml", "<Properties/>"));

    /// <summary>An OpenDocument text: its <c>mimetype</c> first and stored, then its manifest and content.</summary>
    public static byte[] Odt(string mimeType = "application/vnd.oasis.opendocument.text") => Zip(
        ("mimetype", mimeType),
        ("META-INF/manifest.xml", $"""<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="{mimeType}"/></manifest:manifest>"""),
        ("content.xml", """<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>"""));

    /// <summary>A Linux program's first bytes.</summary>
    public static byte[] Elf() => [0x7F, (byte)'E', (byte)'L', (byte)'F', 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x3E, 0x00];

    /// <summary>A Windows program's first bytes (its DOS header).</summary>
    public static byte[] WindowsExecutable() => [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];

    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = archive.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        }

        return stream.ToArray();
    }
}
