using System.Globalization;

namespace Nege.Notifications.Email;

/// <summary>Dates as people read them: Europe/Paris time, French format.</summary>
public static class FrenchDates
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static string Format(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Paris);
        var day = local.Day == 1 ? "1er" : local.Day.ToString(French);
        return $"{day} {local.ToString("MMMM yyyy 'à' HH'h'mm", French)}";
    }
}
