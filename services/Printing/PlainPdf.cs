using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Nege.Printing;

/// <summary>
/// A document of plain text on A4 pages, as PDF: headings, wrapped paragraphs, and rows of a label with its value
/// aligned on the right (an amount). Written top to bottom; a new page starts when one is full. The text stays
/// text, so that it can be searched, copied and read back (<c>pdftotext</c>, PdfPig).
/// </summary>
public sealed class PlainPdf
{
    private const double Margin = 50;
    private const double BodySize = 10;
    private const double HeadingSize = 13;
    private const double TitleSize = 16;
    private const double LineHeight = 14;
    private const int WrapAt = 95;

    private static readonly Lazy<byte[]> Regular = new(() => Font("DejaVuSans.ttf"));
    private static readonly Lazy<byte[]> Bold = new(() => Font("DejaVuSans-Bold.ttf"));

    private readonly List<Block> _blocks = [];

    private enum Kind
    {
        Title,
        Heading,
        Paragraph,
        Row,
        Space,
    }

    private sealed record Block(Kind Kind, string Text, string? Value = null, bool Strong = false);

    public PlainPdf Title(string text) => Add(new Block(Kind.Title, text));

    public PlainPdf Heading(string text) => Add(new Block(Kind.Heading, text));

    /// <summary>Text wrapped on as many lines as it needs; nothing when it is empty.</summary>
    public PlainPdf Paragraph(string? text, bool strong = false) =>
        string.IsNullOrWhiteSpace(text) ? this : Add(new Block(Kind.Paragraph, text, Strong: strong));

    /// <summary>A label on the left and its value on the right of the same line (a computation's step, a total).</summary>
    public PlainPdf Row(string label, string value, bool strong = false) => Add(new Block(Kind.Row, label, value, strong));

    public PlainPdf Space() => Add(new Block(Kind.Space, ""));

    private PlainPdf Add(Block block)
    {
        _blocks.Add(block);
        return this;
    }

    public byte[] ToBytes()
    {
        using var builder = new PdfDocumentBuilder();
        var regular = builder.AddTrueTypeFont(Regular.Value);
        var bold = builder.AddTrueTypeFont(Bold.Value);
        var page = builder.AddPage(PageSize.A4);
        var width = page.PageSize.Width;
        var top = page.PageSize.Height - Margin;
        var y = top;

        void NextLine(double height)
        {
            y -= height;
            if (y < Margin)
            {
                page = builder.AddPage(PageSize.A4);
                y = top - height;
            }
        }

        var first = true;
        foreach (var block in _blocks)
        {
            switch (block.Kind)
            {
                case Kind.Space:
                    y -= LineHeight / 2;
                    break;
                case Kind.Title or Kind.Heading:
                    var size = block.Kind == Kind.Title ? TitleSize : HeadingSize;
                    if (!first)
                    {
                        y -= LineHeight / 2;
                    }

                    foreach (var line in Wrap(Printable(block.Text), block.Kind == Kind.Title ? 60 : 75))
                    {
                        NextLine(size + 4);
                        page.AddText(line, size, new PdfPoint(Margin, y), bold);
                    }

                    break;
                case Kind.Paragraph:
                    foreach (var line in Wrap(Printable(block.Text), WrapAt))
                    {
                        NextLine(LineHeight);
                        page.AddText(line, BodySize, new PdfPoint(Margin, y), block.Strong ? bold : regular);
                    }

                    break;
                case Kind.Row:
                    var font = block.Strong ? bold : regular;
                    var value = Printable(block.Value ?? "");
                    var lines = Wrap(Printable(block.Text), WrapAt - value.Length - 4).ToList();
                    for (var i = 0; i < lines.Count; i++)
                    {
                        NextLine(LineHeight);
                        page.AddText(lines[i], BodySize, new PdfPoint(Margin, y), font);
                        if (i == 0 && value.Length > 0)
                        {
                            var letters = page.MeasureText(value, BodySize, new PdfPoint(0, 0), font);
                            var valueWidth = letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
                            page.AddText(value, BodySize, new PdfPoint(width - Margin - valueWidth, y), font);
                        }
                    }

                    break;
            }

            first = false;
        }

        return builder.Build();
    }

    private static IEnumerable<string> Wrap(string text, int wrapAt)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + word.Length + 1 > wrapAt)
            {
                yield return line.ToString();
                line.Clear().Append("    ");
            }

            line.Append(line.Length > 0 && line.ToString().Trim().Length > 0 ? " " : "").Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    /// <summary>One line of text: control characters (line breaks within a field) become spaces.</summary>
    private static string Printable(string text) => new([.. text.Select(ch => char.IsControl(ch) ? ' ' : ch)]);

    private static byte[] Font(string name)
    {
        using var stream = typeof(PlainPdf).Assembly.GetManifestResourceStream($"Fonts.{name}") ?? throw new InvalidOperationException($"The font {name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
