using System.Globalization;
using Nege.ServiceDefaults.Data;

namespace Nege.Notifications.Email;

/// <summary>Dates as people read them: Europe/Paris time, French format.</summary>
public static class FrenchDates
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>« 14 juillet 2026 à 10h30 », the wall-clock time in Paris.</summary>
    public static string Format(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, ParisTime.Zone);
        return $"{Format(DateOnly.FromDateTime(local.DateTime))} à {local.ToString("HH'h'mm", French)}";
    }

    /// <summary>« 20 novembre 2026 », « 1er décembre 2026 ».</summary>
    public static string Format(DateOnly date)
    {
        var day = date.Day == 1 ? "1er" : date.Day.ToString(French);
        return $"{day} {date.ToString("MMMM yyyy", French)}";
    }
}
