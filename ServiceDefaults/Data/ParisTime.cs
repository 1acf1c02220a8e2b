namespace Nege.ServiceDefaults.Data;

/// <summary>The association's calendar: deadlines and dates shown to people are Europe/Paris days.</summary>
public static class ParisTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The instant a Paris day begins (midnight there), in UTC.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    public static DateOnly TodayInParis(this TimeProvider clock) => DateOf(clock.GetUtcNow());
}
