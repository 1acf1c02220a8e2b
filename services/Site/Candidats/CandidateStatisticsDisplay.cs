using System.Globalization;
using Nege.Contracts.Api.Candidates;

namespace Nege.Site.Candidats;

/// <summary>How the anonymous statistics of the erased dossiers read in French: months, totals.</summary>
public static class CandidateStatisticsDisplay
{
    public const string Path = "/espace-membre/statistiques-candidats";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>« décembre 2026 ».</summary>
    public static string Month(DateOnly month) => month.ToString("MMMM yyyy", French);

    /// <summary>« 1 dossier », « 12 dossiers ».</summary>
    public static string Dossiers(int count) => count == 1 ? "1 dossier" : $"{count.ToString("#,0", French)} dossiers";

    /// <summary>The rows' counts added up by <paramref name="key"/>, largest first (then by name).</summary>
    public static IReadOnlyList<(string Label, int Count)> TotalsBy(IReadOnlyList<DossierStatisticView> rows, Func<DossierStatisticView, string> key) =>
        [.. rows.GroupBy(key, StringComparer.Ordinal)
            .Select(group => (Label: group.Key, Count: group.Sum(row => row.Count)))
            .OrderByDescending(total => total.Count).ThenBy(total => total.Label, StringComparer.Create(French, false))];
}

/// <summary>
/// The months the statistics cover, each end optional and included; the site's query takes months (<c>du=2026-01</c>,
/// <c>au=2026-12</c>), the API days (<c>from</c> the month's first, <c>to</c> its last).
/// </summary>
public sealed record StatisticsPeriod(DateOnly? FromMonth, DateOnly? ToMonth)
{
    public const string FromParameter = "du";

    public const string ToParameter = "au";

    private static readonly string[] MonthFormats = ["yyyy-MM", "MM/yyyy"];

    /// <summary>The first day of the month typed as « 2026-12 » (what a month field sends) or « 12/2026 »; null when it is not one.</summary>
    public static DateOnly? ParseMonth(string? text) =>
        DateTime.TryParseExact(text?.Trim(), MonthFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? new DateOnly(month.Year, month.Month, 1)
            : null;

    /// <summary>« 2026-12 », as a month field shows it.</summary>
    public static string MonthValue(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public string ApiQuery()
    {
        var query = new List<string>();
        if (FromMonth is { } from)
        {
            query.Add($"from={Day(from)}");
        }

        if (ToMonth is { } to)
        {
            query.Add($"to={Day(to.AddMonths(1).AddDays(-1))}");
        }

        return string.Join('&', query);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
