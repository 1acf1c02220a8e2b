using Nege.Billing.Calls;
using Nege.Billing.Renewals;

namespace Billing.Tests;

/// <summary>The renewal's days: asked a month before, reminded at D-15, called on the day, and never more than a month late.</summary>
public sealed class RenewalCalendarTests
{
    [Fact]
    public void By_default_the_2027_renewal_asks_on_1_December_reminds_on_17_December_and_calls_on_1_January()
    {
        var calendar = RenewalCalendar.For(new FeeCallOptions(), 2027);

        Assert.Equal(new RenewalCalendar(2027, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 17), new DateOnly(2027, 1, 1), new DateOnly(2027, 2, 1)), calendar);
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero), calendar.RenewalStarts);
    }

    [Theory]
    [InlineData("2026-11-30", false, false, false)]
    [InlineData("2026-12-01", true, false, false)]
    [InlineData("2026-12-16", true, false, false)]
    [InlineData("2026-12-17", true, true, false)]
    [InlineData("2026-12-31", true, true, false)]
    [InlineData("2027-01-01", false, false, true)]
    [InlineData("2027-01-31", false, false, true)]
    [InlineData("2027-02-01", false, false, false)]
    public void Each_step_has_its_days(string day, bool requesting, bool reminding, bool issuing)
    {
        var today = DateOnly.Parse(day);
        var calendar = RenewalCalendar.For(new FeeCallOptions(), 2027);

        Assert.Equal((requesting, reminding, issuing), (calendar.Requesting(today), calendar.Reminding(today), calendar.Issuing(today)));
    }

    [Theory]
    [InlineData("2026-06-15", 2027)]
    [InlineData("2026-12-02", 2027)]
    [InlineData("2027-01-01", 2027)]
    [InlineData("2027-01-31", 2027)]
    [InlineData("2027-02-01", 2028)]
    public void The_upcoming_renewal_is_the_one_under_way_or_the_next(string day, int year) =>
        Assert.Equal(year, RenewalCalendar.Upcoming(new FeeCallOptions(), DateOnly.Parse(day)).Year);

    [Fact]
    public void An_association_that_renews_in_September_asks_in_August()
    {
        var options = new FeeCallOptions { RenewalDay = "09-01", ReminderDaysBefore = 10, IssueWithinDays = 15 };

        Assert.Equal(new RenewalCalendar(2027, new DateOnly(2027, 8, 1), new DateOnly(2027, 8, 22), new DateOnly(2027, 9, 1), new DateOnly(2027, 9, 16)),
            RenewalCalendar.For(options, 2027));
        Assert.Equal(2027, RenewalCalendar.Upcoming(options, new DateOnly(2027, 3, 1)).Year);
        Assert.Equal(2028, RenewalCalendar.Upcoming(options, new DateOnly(2027, 9, 16)).Year);
    }
}
