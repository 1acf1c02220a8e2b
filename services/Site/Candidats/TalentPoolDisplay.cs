using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;

namespace Nege.Site.Candidats;

/// <summary>How the talent pool's pages (« Vivier des candidats ») write a card for people.</summary>
public static class TalentPoolDisplay
{
    public const string SearchPath = "/espace-membre/vivier";

    /// <summary>Said when the API refuses the pool (403) without a message of its own.</summary>
    public const string Reserved =
        "Le vivier est réservé aux recruteurs et référents des organismes adhérents à jour de leur adhésion.";

    /// <summary>How many characters of the summary a result shows when the search found no words in it.</summary>
    public const int ExcerptLength = 300;

    private const string MarkOpen = "<mark>";

    private const string MarkClose = "</mark>";

    /// <summary>As the site's pages encode (Program.cs): French text stays readable, HTML is still encoded.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(new TextEncoderSettings(UnicodeRanges.All));

    /// <summary>« Mes intérêts »: the organisation's interests.</summary>
    public const string InterestsPath = SearchPath + "/interets";

    /// <summary>An interest's status: the candidate has not answered yet.</summary>
    public const string Pending = "pending";

    /// <summary>An interest's status: the candidate agreed to be contacted (their contact and documents are given).</summary>
    public const string Agreed = "agreed";

    public static string CardPath(Guid id) => $"{SearchPath}/{id}";

    /// <summary>An interest's page: this address is in the e-mail Candidates sends the recruiter once the candidate answered.</summary>
    public static string InterestPath(Guid id) => $"{InterestsPath}/{id}";

    public static string InterestDocumentPath(Guid id, Guid documentId) => $"{InterestPath(id)}/documents/{documentId}";

    /// <summary>A card the pool still shows (its page answers): published, or in contact with a company.</summary>
    public static bool InPool(TalentCardView card) => card.Status.Code is DossierStatuses.Published or DossierStatuses.InRecruitment;

    /// <summary>« tel: » of a phone number as typed (« 03 87 12 34 56 » → 0387123456).</summary>
    public static string PhoneLink(string phone) =>
        "tel:" + new string([.. phone.Where(c => char.IsAsciiDigit(c) || c == '+')]);

    /// <summary>« Développeur web ; Intégrateur ».</summary>
    public static string Jobs(TalentCardView card) => CommissionDisplay.List(card.TargetJobs);

    /// <summary>« Lorraine ; Lorraine : Moselle (57), Lorraine : Meurthe-et-Moselle (54) ; jusqu'à 30 km ».</summary>
    public static string Mobility(MobilityView mobility)
    {
        var parts = new List<string>();
        if (mobility.Departements.Count > 0)
        {
            parts.Add(string.Join(", ", mobility.Departements));
        }

        if (mobility.MaximumDistanceKm is { } km)
        {
            parts.Add($"jusqu'à {km.ToString(CultureInfo.InvariantCulture)} km du domicile");
        }

        return parts.Count == 0 ? "—" : string.Join(" ; ", parts);
    }

    public static string Experience(int? years) => years switch
    {
        null => "—",
        0 => "Moins d'un an",
        1 => "1 an",
        _ => $"{years.Value.ToString(CultureInfo.InvariantCulture)} ans",
    };

    /// <summary>The first <see cref="ExcerptLength"/> characters of the summary, cut at a word, as plain text.</summary>
    public static string Excerpt(string summary)
    {
        if (summary.Length <= ExcerptLength)
        {
            return summary;
        }

        var cut = summary.LastIndexOf(' ', ExcerptLength);
        return summary[..(cut > ExcerptLength / 2 ? cut : ExcerptLength)].TrimEnd() + " …";
    }

    /// <summary>
    /// The words that matched in context. The API's snippet is PostgreSQL's <c>ts_headline</c> on the summary escaped
    /// first (<c>&amp;amp;</c>, <c>&amp;lt;</c>, <c>&amp;gt;</c>), with <c>&lt;mark&gt;</c>…<c>&lt;/mark&gt;</c> around the
    /// matches; the site trusts none of it: between the marks, the text is read as the API escaped it and encoded
    /// again, so that nothing but exactly <c>&lt;mark&gt;</c> and <c>&lt;/mark&gt;</c> (paired, never nested) is ever
    /// markup; any other tag, a <c>&lt;script&gt;</c> say, comes out as text.
    /// </summary>
    public static IHtmlContent Snippet(string snippet)
    {
        var html = new StringBuilder(snippet.Length + 32);
        var open = false;
        var position = 0;
        while (position < snippet.Length)
        {
            var tag = open ? MarkClose : MarkOpen;
            var next = snippet.IndexOf(tag, position, StringComparison.Ordinal);
            var end = next < 0 ? snippet.Length : next;
            html.Append(Encoder.Encode(WebUtility.HtmlDecode(snippet[position..end])));
            if (next < 0)
            {
                break;
            }

            html.Append(tag);
            open = !open;
            position = next + tag.Length;
        }

        if (open)
        {
            html.Append(MarkClose);
        }

        return new HtmlString(html.ToString());
    }

    /// <summary>« Disponible » for a card published, « En contact avec une entreprise » for one in recruitment.</summary>
    public static string Status(DossierStatusView status) => status.Code switch
    {
        DossierStatuses.Published => "Disponible",
        DossierStatuses.InRecruitment => "En contact avec une entreprise",
        _ => status.Label,
    };
}
