using Nege.Contracts.Membership;

namespace Nege.Contracts.Billing;

/// <summary>
/// A fee call (« appel de cotisation ») was issued: the referent receives it by e-mail with its PDF attached.
/// The PDF travels inside the event, unlike CVs and logos: it is the frozen document itself (about 20 KB),
/// and the e-mail must carry exactly what was issued, whether or not Billing answers when it is sent.
/// </summary>
public sealed record FeeCallIssued(
    Guid FeeCallId,
    string Number,
    int Year,
    Guid OrganisationId,
    string OrganisationName,
    PersonReference Referent,
    long AmountCents,
    DateOnly DueOn,
    Document Pdf,
    DateTimeOffset IssuedAt)
{
    /// <summary>Where the referent finds the calls and receipts in the extranet.</summary>
    public Uri? ExtranetLink { get; init; }
}

/// <summary>A PDF (or other small document) carried by an event: its file name, media type and bytes.</summary>
public sealed record Document(string FileName, string ContentType, byte[] Content);

/// <summary>
/// The treasurer recorded a payment of a fee call. Once the call is paid in full, <see cref="Receipt"/> is its receipt
/// (« reçu »), sent to the referent; before that the e-mail says what was received and what remains.
/// </summary>
public sealed record PaymentRecorded(
    Guid PaymentId,
    Guid FeeCallId,
    string FeeCallNumber,
    int Year,
    Guid OrganisationId,
    string OrganisationName,
    PersonReference Referent,
    long AmountCents,
    DateOnly PaidOn,
    string MethodLabel,
    long PaidCents,
    long OutstandingCents,
    DateTimeOffset RecordedAt)
{
    /// <summary>The receipt's number (« R-2027-0001 ») and PDF, once the call is paid in full.</summary>
    public string? ReceiptNumber { get; init; }

    public Document? Receipt { get; init; }

    public Uri? ExtranetLink { get; init; }
}

/// <summary>A fee call is still unpaid at one of the reminders' delays after its due date (D+30, D+60 by default).</summary>
/// <param name="Reminder">1 for the first reminder, 2 for the second…</param>
/// <param name="IsLast">The last one: without payment by <paramref name="LapsesOn"/>, the membership lapses.</param>
public sealed record FeeReminderDue(
    Guid FeeCallId,
    string FeeCallNumber,
    int Year,
    Guid OrganisationId,
    string OrganisationName,
    PersonReference Referent,
    int Reminder,
    bool IsLast,
    long OutstandingCents,
    DateOnly DueOn,
    DateOnly LapsesOn,
    Document Pdf,
    DateTimeOffset RemindedAt)
{
    public Uri? ExtranetLink { get; init; }
}

/// <summary>
/// A member did not pay its fee call after the last reminder: its membership lapses until it pays. Membership marks the
/// organisation lapsed, the talent pool refuses its recruiters, the directory hides it.
/// </summary>
public sealed record MembershipLapsed(
    Guid OrganisationId,
    string OrganisationName,
    PersonReference Referent,
    string FeeCallNumber,
    long OutstandingCents,
    DateTimeOffset LapsedAt);

/// <summary>A lapsed member paid (or its unpaid call was cancelled): it is a current member again.</summary>
public sealed record MembershipReinstated(
    Guid OrganisationId,
    string OrganisationName,
    PersonReference Referent,
    string FeeCallNumber,
    DateTimeOffset ReinstatedAt);

/// <summary>
/// The yearly renewal is a month away (or, with <paramref name="IsReminder"/>, fifteen days): the referent is asked to
/// confirm or update the perimeter's headcounts in the extranet; the renewal's fee call, issued on
/// <paramref name="RenewalOn"/>, uses the figures declared by then.
/// </summary>
/// <param name="Perimeter">The figures Billing holds today, the ones the call uses if nothing changes.</param>
/// <param name="EstimatedCents">The fee those figures give for <paramref name="Year"/>.</param>
public sealed record PerimeterConfirmationRequested(
    Guid OrganisationId,
    string OrganisationName,
    PersonReference Referent,
    int Year,
    DateOnly RenewalOn,
    MembershipPerimeter Perimeter,
    long EstimatedCents,
    bool IsReminder,
    DateTimeOffset RequestedAt)
{
    /// <summary>The extranet's page where the referent confirms or updates the figures.</summary>
    public Uri? ExtranetLink { get; init; }
}

/// <summary>
/// A member's referent confirmed or updated the perimeter's headcounts: Billing calls the next fee with them, and
/// Membership's record of the organisation follows.
/// </summary>
/// <param name="Year">The renewal the declaration was made for, when a campaign was open; null outside one.</param>
public sealed record PerimeterDeclared(
    Guid OrganisationId,
    MembershipPerimeter Perimeter,
    int? Year,
    string DeclaredBy,
    DateTimeOffset DeclaredAt);
