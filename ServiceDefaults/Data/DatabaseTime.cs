namespace Nege.ServiceDefaults.Data;

public static class DatabaseTime
{
    /// <summary>
    /// Now, to the microsecond (PostgreSQL's precision), so that a row and the event about it carry
    /// the same instant.
    /// </summary>
    public static DateTimeOffset GetUtcNowForDatabase(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }
}
