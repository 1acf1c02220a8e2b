using System.Globalization;

namespace Nege.Notifications.Email;

/// <summary>Dates as people read them: Europe/Paris time, French format.</summary>
public static class FrenchDates
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>« 14 juillet 2026 à 10h30 », the wall-clock time in Paris.</summary>
    public static string Format(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Paris);
        return $"{Format(DateOnly.FromDateTime(local.DateTime))} à {local.ToString("HH'h'mm", French)}";
    }

    /// <summary>« 20 novembre 2026 », « 1er décembre 2026 ».</summary>
    public static string Format(DateOnly date)
    {
        var day = date.Day == 1 ? "1er" : date.Day.ToString(French);
        return $"{day} {date.ToString("MMMM yyyy", French)}";
    }

    /// <summary>The day it is in Paris at <paramref name="instant"/>.</summary>
    public static DateOnly ParisDay(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Paris).DateTime);
}
