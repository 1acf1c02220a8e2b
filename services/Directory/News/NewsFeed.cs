using System.Text;
using System.Xml;

namespace Nege.Directory.News;

/// <summary>An Atom 1.0 feed (RFC 4287) of published news items, newest first.</summary>
public static class NewsFeed
{
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";
    public const string ContentType = "application/atom+xml; charset=utf-8";

    /// <summary>The feed's length: readers poll it, and the older items are on the site.</summary>
    public const int Entries = 50;

    public sealed record Entry(Guid Id, string Title, string Summary, string Category, string Author, DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt);

    public static byte[] Write(IReadOnlyList<Entry> entries, string? category, NewsLinks links, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteAttributeString("xml", "lang", null, "fr");
            xml.WriteElementString("id", AtomNamespace, links.Feed(category).AbsoluteUri);
            xml.WriteElementString("title", AtomNamespace, category is null ? "Actualités de Numéric'Emploi Grand Est" : $"Actualités de Numéric'Emploi Grand Est : {category}");
            xml.WriteElementString("updated", AtomNamespace, Date(entries.Count == 0 ? now : entries.Max(e => e.UpdatedAt)));
            Link(xml, "self", links.Feed(category), ContentType.Split(';')[0]);
            Link(xml, "alternate", links.List(category), "text/html");
            xml.WriteStartElement("author", AtomNamespace);
            xml.WriteElementString("name", AtomNamespace, "NEGE");
            xml.WriteEndElement();
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", AtomNamespace);
                xml.WriteElementString("id", AtomNamespace, $"urn:uuid:{entry.Id}");
                xml.WriteElementString("title", AtomNamespace, entry.Title);
                xml.WriteElementString("updated", AtomNamespace, Date(entry.UpdatedAt));
                xml.WriteElementString("published", AtomNamespace, Date(entry.PublishedAt));
                Link(xml, "alternate", links.Page(entry.Id), "text/html");
                xml.WriteStartElement("author", AtomNamespace);
                xml.WriteElementString("name", AtomNamespace, entry.Author);
                xml.WriteEndElement();
                xml.WriteStartElement("category", AtomNamespace);
                xml.WriteAttributeString("term", entry.Category);
                xml.WriteEndElement();
                xml.WriteStartElement("summary", AtomNamespace);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(entry.Summary);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static void Link(XmlWriter xml, string relation, Uri href, string type)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", relation);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href.AbsoluteUri);
        xml.WriteEndElement();
    }

    private static string Date(DateTimeOffset value) => XmlConvert.ToString(value.ToUniversalTime(), "yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
}
