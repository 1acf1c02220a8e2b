using System.Globalization;

namespace Nege.Billing.Calls;

/// <summary>The fee calls' rules that the association may change (<c>Billing__FeeCalls__…</c>).</summary>
public sealed class FeeCallOptions
{
    /// <summary>Days between a call's issue and its due date.</summary>
    public int PaymentTermDays { get; set; } = 30;

    /// <summary>
    /// The day (« MM-dd ») the members' calls for the calendar year are issued, in that year; the referents are asked to
    /// confirm their headcounts a month before.
    /// </summary>
    public string RenewalDay { get; set; } = "01-01";

    /// <summary>How long before the renewal day the referents are asked to confirm their headcounts.</summary>
    public int RequestMonthsBefore { get; set; } = 1;

    /// <summary>The request's reminder, this many days before the renewal day, to those who have not answered.</summary>
    public int ReminderDaysBefore { get; set; } = 15;

    /// <summary>Renewal calls still missing after the renewal day are issued for this many days, then no more.</summary>
    public int IssueWithinDays { get; set; } = 31;

    /// <summary>
    /// A member approved this many months before the end of the year or less is called for the next year, not the current
    /// one: joining in November pays once, for the year that starts, rather than a full year for a few weeks and again in January.
    /// </summary>
    public int AdmissionForNextYearMonths { get; set; } = 3;

    public DateOnly RenewalDate(int year)
    {
        var parts = RenewalDay.Split('-');
        return new DateOnly(year, int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// <summary>The year a member approved on <paramref name="approvedOn"/> is first called for.</summary>
    public int AdmissionYear(DateOnly approvedOn) =>
        approvedOn >= new DateOnly(approvedOn.Year + 1, 1, 1).AddMonths(-AdmissionForNextYearMonths) ? approvedOn.Year + 1 : approvedOn.Year;
}

/// <summary>Who the association is on its documents (<c>Billing__Association__…</c>); the bank details are the treasurer's to set.</summary>
public sealed class AssociationIdentity
{
    public string Name { get; set; } = "Numéric'Emploi Grand Est";

    public string LegalForm { get; set; } = "Association à but non lucratif";

    public string Address { get; set; } = "";

    public string Website { get; set; } = "grand-est.numerique-emploi.org";

    public string Email { get; set; } = "";

    public string Iban { get; set; } = "";

    public string Bic { get; set; } = "";

    /// <summary>How a card payment is made (a payment page, the treasurer on the phone…).</summary>
    public string CardPayment { get; set; } = "sur demande auprès du trésorier";
}
