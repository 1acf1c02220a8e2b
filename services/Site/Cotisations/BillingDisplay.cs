using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using Nege.Contracts.Api.Billing;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Security;

namespace Nege.Site.Cotisations;

/// <summary>
/// Who does what on the fee pages, by Billing's own policies (the folders follow <c>fee-calls.read</c> and
/// <c>fee-calls.own</c>, see <c>SitePages</c>): only the treasurer and the administrators cancel a call.
/// </summary>
public static class BillingAccess
{
    public static bool CanCancel(ClaimsPrincipal user) => AccessPolicies.ManageFeeCalls.Roles.Any(role => user.HasClaim(NegeClaims.Role, role));
}

/// <summary>How the fee grid, the quotes and the fee calls read in French, and where their pages are.</summary>
public static partial class BillingDisplay
{
    public const string GridPath = "/combien-coute-l-adhesion";

    public const string CallsPath = "/espace-membre/cotisations";

    public const string ExportPath = CallsPath + "/export";

    public const string MyCallsPath = "/espace-membre/mes-cotisations";

    /// <summary>Where the referent confirms or updates the perimeter's headcounts before the renewal (Billing's e-mails link to it).</summary>
    public const string MyPerimeterPath = "/espace-membre/mes-effectifs";

    public const string StandardHeading = "Cotisation annuelle standard";

    /// <summary>The affiliated column's heading, with its footnote's marker.</summary>
    public const string AffiliatedHeading = "Cotisation annuelle organisme affilié (2)";

    public const string StartupLabel = "Startup (3)";

    /// <summary>The territories of the perimeter, as Billing names them.</summary>
    public static readonly IReadOnlyList<string> Territories = ["Alsace", "Champagne-Ardenne", "Lorraine"];

    /// <summary>The fee calls' statuses, as the treasurer filters them: the words Billing shows on each call.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> Statuses =
    [
        ("issued", "À régler"),
        ("partially_paid", "Partiellement réglé"),
        ("paid", "Réglé"),
        ("cancelled", "Annulé par avoir"),
    ];

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>As the site's pages encode: French stays readable (é, not &amp;#xE9;).</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Money(long cents) => Nege.Contracts.Billing.Money.Format(cents);

    /// <summary>« 31/03/2027 ».</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>« 1er janvier 2027 », « 14 décembre 2026 »: a day in a sentence.</summary>
    public static string LongDate(DateOnly date) =>
        $"{(date.Day == 1 ? "1er" : date.Day.ToString(CultureInfo.InvariantCulture))} {date.ToString("MMMM yyyy", French)}";

    /// <summary>The day of <paramref name="instant"/> in Paris, in a sentence.</summary>
    public static string LongDate(DateTimeOffset instant) => LongDate(ParisTime.DateOf(instant));

    /// <summary>« 0 salarié », « 1 salarié », « 1 200 salariés ».</summary>
    public static string Staff(int count) => count <= 1 ? $"{count.ToString(CultureInfo.InvariantCulture)} salarié" : $"{count.ToString("#,0", French)} salariés";

    public static string Reason(string reason) => reason switch
    {
        "admission" => "Adhésion (première année)",
        "renewal" => "Renouvellement",
        _ => reason,
    };

    /// <summary>« 1 appel de cotisation », « 12 appels de cotisation ».</summary>
    public static string CallCount(int count) => count == 1 ? "1 appel de cotisation" : $"{count.ToString("#,0", French)} appels de cotisation";

    public static string CallPath(Guid id) => $"{CallsPath}/{id}";

    public static string CallPdfPath(Guid id) => $"{CallsPath}/{id}/pdf";

    public static string CreditNotePdfPath(Guid id) => $"{CallsPath}/avoirs/{id}/pdf";

    public static string ReceiptPdfPath(Guid id) => $"{CallsPath}/recus/{id}/pdf";

    /// <summary>The payment methods as Billing names them, with their French labels.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> PaymentMethods = [("transfer", "Virement"), ("cheque", "Chèque"), ("card", "Carte bancaire")];

    /// <summary>An amount typed in euros (« 184,50 », « 1 152 », « 96.5 € ») as cents; null when it is not one.</summary>
    public static long? ParseEuros(string? typed)
    {
        var text = (typed ?? "").Replace("€", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)
            .Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal).Replace('.', ',');
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, French, out var euros) && decimal.Round(euros, 2) == euros
            ? (long)(euros * 100)
            : null;
    }

    public static string MyCallPdfPath(Guid id) => $"{MyCallsPath}/{id}/pdf";

    public static string MyCreditNotePdfPath(Guid id) => $"{MyCallsPath}/avoirs/{id}/pdf";

    /// <summary>The start-up row's affiliated fee: « Gratuit (4) sinon 60 € » (free with the Syntec Numérique pack).</summary>
    public static string StartupAffiliated(StartupFeesView startup) =>
        $"{(startup.AffiliatedWithStartupPackCents == 0 ? "Gratuit" : Money(startup.AffiliatedWithStartupPackCents))} (4) sinon {Money(startup.AffiliatedCents)}";

    /// <summary>A heading or a cell with its footnotes' markers (« (1) ») raised as the seed writes them: « … région <sup>(1)</sup> ».</summary>
    public static IHtmlContent WithMarkers(string text)
    {
        var html = Encoder.Encode(text);
        return new HtmlString(MarkerPattern().Replace(html, " <sup>($1)</sup>"));
    }

    /// <summary>The markers a text refers to: « (1) », « (2) ».</summary>
    public static IEnumerable<int> Markers(string text) =>
        MarkerPattern().Matches(text).Select(match => int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));

    /// <summary>
    /// The grid's footnotes, each under the first table that refers to it (as the seed shows (1) to (4) under the digital
    /// sector's and (5) under the other's), those no table refers to under the last. A footnote is numbered by the
    /// « (n) » it starts with, or else by its place.
    /// </summary>
    public static (IReadOnlyList<Footnote> Digital, IReadOnlyList<Footnote> Other) Footnotes(FeeGridView grid)
    {
        var footnotes = grid.Footnotes.Select((text, index) => FootnotePattern().Match(text) is { Success: true } match
            ? new Footnote(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value)
            : new Footnote(index + 1, text.Trim())).ToList();
        var digital = new HashSet<int>([.. Markers(grid.DigitalSector.HeadcountHeading), .. Markers(AffiliatedHeading), .. Markers(StartupLabel), 4]);
        return ([.. footnotes.Where(note => digital.Contains(note.Number))], [.. footnotes.Where(note => !digital.Contains(note.Number))]);
    }

    [GeneratedRegex(@"\s?\((\d{1,2})\)")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"^\s*\((\d{1,2})\)\s*(.*)$", RegexOptions.Singleline)]
    private static partial Regex FootnotePattern();
}

/// <summary>A footnote of the grid: « (1) Selon le nombre total de salariés… ».</summary>
public sealed record Footnote(int Number, string Text);
