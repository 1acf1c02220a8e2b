namespace Nege.ServiceDefaults.Data;

/// <summary>The association's calendar: deadlines and dates shown to people are Europe/Paris days.</summary>
public static class ParisTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public static DateOnly TodayInParis(this TimeProvider clock) => DateOf(clock.GetUtcNow());
}
