using Nege.Billing.Calls;

namespace Nege.Billing.Renewals;

/// <summary>
/// A year's renewal: the referents are asked to confirm their headcounts on <see cref="RequestOn"/> (a month before by
/// default), reminded on <see cref="ReminderOn"/> (D-15), and called on <see cref="RenewalOn"/>. Calls still missing
/// (the service was down, a member was approved just before) are issued until <see cref="IssueUntil"/> and never later:
/// a service started in June does not call its members for a January long gone.
/// </summary>
public sealed record RenewalCalendar(int Year, DateOnly RequestOn, DateOnly ReminderOn, DateOnly RenewalOn, DateOnly IssueUntil)
{
    /// <summary>Members admitted before this instant are renewed; those admitted later received an admission call.</summary>
    public DateTimeOffset RenewalStarts => Nege.ServiceDefaults.Data.ParisTime.StartOf(RenewalOn);

    public bool Requesting(DateOnly today) => today >= RequestOn && today < RenewalOn;

    public bool Reminding(DateOnly today) => today >= ReminderOn && today < RenewalOn;

    public bool Issuing(DateOnly today) => today >= RenewalOn && today < IssueUntil;

    public static RenewalCalendar For(FeeCallOptions options, int year)
    {
        var renewalOn = options.RenewalDate(year);
        return new RenewalCalendar(year, renewalOn.AddMonths(-options.RequestMonthsBefore), renewalOn.AddDays(-options.ReminderDaysBefore), renewalOn,
            renewalOn.AddDays(options.IssueWithinDays));
    }

    /// <summary>The renewal under way on <paramref name="today"/>, or the next one.</summary>
    public static RenewalCalendar Upcoming(FeeCallOptions options, DateOnly today)
    {
        var current = For(options, today.Year);
        return today < current.IssueUntil ? current : For(options, today.Year + 1);
    }
}
