namespace Nege.Contracts.Api.Billing;

// The bodies of Billing's HTTP API for the fee calls (« appels de cotisation ») and their credit notes.

/// <summary>A fee call as the treasurer and the member's referent see it.</summary>
/// <param name="Number">Unique, chronological and gapless per year: « 2027-0001 ».</param>
/// <param name="Status">« issued » (nothing paid), « partially_paid », « paid » or « cancelled » (by a credit note).</param>
/// <param name="Reason">« admission » (the first year of a new member) or « renewal ».</param>
public sealed record FeeCallView(
    Guid Id,
    string Number,
    int Year,
    Guid OrganisationId,
    string OrganisationName,
    string Category,
    IReadOnlyList<string> Territories,
    string Reason,
    string Status,
    string StatusLabel,
    long AmountCents,
    long PaidCents,
    long OutstandingCents,
    DateOnly IssuedOn,
    DateOnly DueOn,
    FeeQuoteView Computation,
    CreditNoteView? CreditNote)
{
    /// <summary>The payments recorded, oldest first.</summary>
    public IReadOnlyList<PaymentView> Payments { get; init; } = [];

    /// <summary>The receipt, once the call is paid in full.</summary>
    public ReceiptView? Receipt { get; init; }

    /// <summary>How many reminders were sent (D+30, D+60…), and whether its non-payment made the membership lapse.</summary>
    public int RemindersSent { get; init; }

    public bool CausedLapse { get; init; }
}

/// <summary>A payment of a fee call as the treasurer recorded it.</summary>
/// <param name="Method">« transfer » (virement), « cheque » or « card » (carte bancaire).</param>
public sealed record PaymentView(Guid Id, long AmountCents, DateOnly PaidOn, string Method, string MethodLabel, string? Reference, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>The « reçu » of a fee call paid in full, under its own gapless number (« R-2027-0001 »).</summary>
public sealed record ReceiptView(Guid Id, string Number, DateOnly IssuedOn);

/// <summary>The treasurer records a payment: an amount (cents), the day it was received, how, and its reference (cheque or transfer number).</summary>
public sealed record PaymentRequest(long? AmountCents, DateOnly? PaidOn, string? Method, string? Reference);

/// <summary>An « avoir »: it cancels a fee call issued by mistake, under its own gapless number (« AV-2027-0001 »).</summary>
public sealed record CreditNoteView(Guid Id, string Number, long AmountCents, string Reason, DateOnly IssuedOn);

/// <summary>The treasurer cancels a fee call: a credit note for its whole amount, with the reason written on it.</summary>
public sealed record FeeCallCancellation(string? Reason);

/// <summary>The treasurer issues a member's fee call for a year (after a cancellation, say); the reason defaults to « renewal ».</summary>
public sealed record FeeCallRequest(int? Year);

/// <summary>A page of fee calls with the totals of every call the filters select (not only this page's).</summary>
public sealed record FeeCallPage(
    IReadOnlyList<FeeCallView> Items,
    int Page,
    int PageSize,
    int Total,
    long CalledCents,
    long PaidCents,
    long OutstandingCents);

/// <summary>
/// The general assembly's roll for a date: the members of the « Organisation professionnelle » and « Entreprise » colleges
/// up to date with their fee, each with its votes from the perimeter's headcount.
/// </summary>
public sealed record GeneralAssemblyRollView(
    DateOnly AssemblyDate,
    IReadOnlyList<VoterView> Voters,
    int TotalVotes,
    IReadOnlyList<VoteBandView> Scale,
    int MembersNotUpToDate);

public sealed record VoterView(Guid OrganisationId, string Name, string Category, int Headcount, IReadOnlyList<string> Territories, int Votes, string PaidCallNumber);

/// <summary>One step of the votes' scale: from this headcount on the perimeter, this many votes.</summary>
public sealed record VoteBandView(int FromHeadcount, int Votes);

/// <summary>A member as Billing calls it: what the grid reads, the partner's agreed fee, and whether it is lapsed.</summary>
public sealed record BillingMemberView(
    Guid OrganisationId,
    string Name,
    string Category,
    bool DigitalSector,
    int Alsace,
    int ChampagneArdenne,
    int Lorraine,
    bool Affiliated,
    string? AffiliationName,
    long? AgreedFeeCents,
    string ReferentName,
    string ReferentEmail,
    DateTimeOffset MemberSince,
    DateTimeOffset? LapsedAt);

/// <summary>The treasurer sets a partner's yearly fee as agreed with the association (the calls issued from now on use it).</summary>
public sealed record AgreedFeeRequest(long? AmountCents);

/// <summary>
/// « Effectifs du périmètre »: the headcounts a member's next fee call will use, the renewal they are for, and whether
/// they have been confirmed for it.
/// </summary>
/// <param name="NextCallYear">The year of the next renewal call not yet issued to the member.</param>
/// <param name="NextCallOn">The day it is issued.</param>
/// <param name="CampaignOpen">The referent has been asked (a month before <paramref name="NextCallOn"/>) and the call is not issued yet.</param>
/// <param name="DeclaredAt">When the figures were last confirmed or updated for <paramref name="NextCallYear"/>, during its campaign.</param>
/// <param name="Estimate">The fee those figures give for <paramref name="NextCallYear"/> with the grid in force.</param>
public sealed record PerimeterView(
    Guid OrganisationId,
    string OrganisationName,
    string Category,
    int Alsace,
    int ChampagneArdenne,
    int Lorraine,
    int NextCallYear,
    DateOnly NextCallOn,
    DateOnly CampaignOpensOn,
    bool CampaignOpen,
    DateTimeOffset? DeclaredAt,
    string? DeclaredBy,
    FeeQuoteView Estimate);

/// <summary>The referent confirms (the same figures) or updates the perimeter's headcounts, territory by territory.</summary>
public sealed record PerimeterDeclaration(int? Alsace, int? ChampagneArdenne, int? Lorraine);
