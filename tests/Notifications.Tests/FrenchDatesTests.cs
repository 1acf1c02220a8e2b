using System.Globalization;
using Nege.Notifications.Email;
using Nege.ServiceDefaults.Data;

namespace Notifications.Tests;

/// <summary>Dates shown to people: Europe/Paris wall-clock time, French format, whatever the instant's offset.</summary>
public sealed class FrenchDatesTests
{
    [Theory]
    [InlineData("2026-07-14T08:30:00Z", "14 juillet 2026 à 10h30")] // summer: UTC+2
    [InlineData("2026-01-05T08:30:00Z", "5 janvier 2026 à 09h30")] // winter: UTC+1
    [InlineData("2026-07-14T10:30:00-04:00", "14 juillet 2026 à 16h30")] // another offset, same instant as 14:30 UTC
    [InlineData("2026-05-09T22:30:00Z", "10 mai 2026 à 00h30")] // already the next day in Paris
    [InlineData("2026-03-29T00:59:00Z", "29 mars 2026 à 01h59")] // last minute of winter time
    [InlineData("2026-03-29T01:00:00Z", "29 mars 2026 à 03h00")] // first minute of summer time
    [InlineData("2026-10-25T00:59:00Z", "25 octobre 2026 à 02h59")] // last minute of summer time
    [InlineData("2026-10-25T01:00:00Z", "25 octobre 2026 à 02h00")] // first minute of winter time
    [InlineData("2026-08-11T22:05:00Z", "12 août 2026 à 00h05")]
    [InlineData("2026-06-30T22:15:00Z", "1er juillet 2026 à 00h15")] // the first of the month is written « 1er »
    public void Formats_the_instant_in_Paris_time_in_French(string instant, string expected)
    {
        var value = DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.None);

        Assert.Equal(expected, FrenchDates.Format(value));
    }

    [Fact]
    public void Does_not_depend_on_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
            Assert.Equal("14 juillet 2026 à 10h30", FrenchDates.Format(new DateTimeOffset(2026, 7, 14, 8, 30, 0, TimeSpan.Zero)));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(2026, 11, 20, "20 novembre 2026")]
    [InlineData(2026, 12, 1, "1er décembre 2026")]
    [InlineData(2027, 2, 5, "5 février 2027")]
    [InlineData(2026, 8, 31, "31 août 2026")]
    public void Formats_a_day_in_French(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, FrenchDates.Format(new DateOnly(year, month, day)));
    }

    [Theory]
    [InlineData("2026-07-14T21:59:00Z", "2026-07-14")] // 23h59 in Paris
    [InlineData("2026-07-14T22:00:00Z", "2026-07-15")] // midnight in Paris, still the 14th in UTC
    [InlineData("2026-01-05T23:30:00Z", "2026-01-06")] // winter: UTC+1
    public void The_Paris_day_of_an_instant_is_the_day_on_the_wall_in_Paris(string instant, string expected)
    {
        var value = DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.None);

        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), ParisTime.DateOf(value));
    }
}
