namespace Nege.Contracts.Candidates;

/// <summary>
/// An employment partner submitted a new candidate's dossier. The candidate is to be informed (GDPR
/// article 14: the data did not come from them) and the pilots of the territory told.
/// </summary>
public sealed record DossierSubmitted(
    Guid DossierId,
    string Number,
    Guid OrganisationId,
    string CandidateEmail,
    string CandidateFirstName,
    string CandidateLastName,
    string NoticeVersion,
    DateTimeOffset SubmittedAt)
{
    /// <summary>The territorial commission the dossier goes to; null when its postal code is outside them all (the admins dispatch it).</summary>
    public string? Territory { get; init; }

    /// <summary>The public page of the notice the candidate was informed of.</summary>
    public Uri? NoticeLink { get; init; }

    /// <summary>The pilots of the territory's commission when the dossier came in: each is told.</summary>
    public IReadOnlyList<Recipient> Pilots { get; init; } = [];

    /// <summary>The dossier's page in the extranet, for the commission.</summary>
    public Uri? ExtranetLink { get; init; }
}

/// <summary>
/// An admin gave a dossier to a territory's commission (its postal code was outside them all, or it
/// belonged elsewhere): for that commission it is a new dossier, and its pilots are told.
/// </summary>
public sealed record DossierDispatched(
    Guid DossierId,
    string Number,
    string Territory,
    string CandidateFirstName,
    string CandidateLastName,
    DateTimeOffset DispatchedAt)
{
    public IReadOnlyList<Recipient> Pilots { get; init; } = [];

    /// <summary>The dossier's page in the extranet, for the commission.</summary>
    public Uri? ExtranetLink { get; init; }
}

/// <summary>Someone an e-mail goes to.</summary>
public sealed record Recipient(string Name, string Email);

/// <summary>A second employment partner sent a person who already had a dossier: it now follows that dossier.</summary>
public sealed record DossierFollowed(Guid DossierId, Guid OrganisationId, DateTimeOffset FollowedAt);

/// <summary>A dossier moved in its life cycle (see the Candidates service's transition table).</summary>
public sealed record DossierStatusChanged(
    Guid DossierId,
    string Number,
    string From,
    string To,
    DateTimeOffset ChangedAt)
{
    /// <summary>Why, as its author wrote it.</summary>
    public string? Reason { get; init; }

    /// <summary>The organisations that submitted or follow the dossier: they are told.</summary>
    public IReadOnlyList<Guid> PartnerOrganisationIds { get; init; } = [];

    public string? Territory { get; init; }

    /// <summary>« Prénom Nom » of the candidate, for the advisers who follow them.</summary>
    public string? CandidateName { get; init; }

    /// <summary>The advisers of the partners that submitted or follow the dossier: each is told.</summary>
    public IReadOnlyList<Recipient> Advisers { get; init; } = [];

    /// <summary>The dossier's page in the partner advisers' extranet.</summary>
    public Uri? AdviserLink { get; init; }
}

/// <summary>
/// The day's reminder to a territory's pilots: its open dossiers without activity for the configured
/// number of days (15 by default). At most one a day per territory.
/// </summary>
public sealed record InactiveDossiersReminderDue(
    string Territory,
    DateOnly Day,
    int InactivityDays,
    IReadOnlyList<Recipient> Pilots,
    IReadOnlyList<InactiveDossier> Dossiers)
{
    /// <summary>The territory's work queue in the extranet, filtered on inactive dossiers.</summary>
    public Uri? QueueLink { get; init; }
}

public sealed record InactiveDossier(Guid DossierId, string Number, string CandidateName, string Status, int DaysWithoutActivity);

/// <summary>
/// A member company recorded its interest in a candidate's card. The territory's pilots and the partners' advisers
/// are told; the candidate is asked whether they agree to be contacted, with a link to answer.
/// </summary>
public sealed record InterestRecorded(
    Guid InterestId,
    Guid DossierId,
    string Number,
    string OrganisationName,
    string Message,
    DateTimeOffset RecordedAt)
{
    public string? CandidateFirstName { get; init; }

    public string? CandidateName { get; init; }

    public string? CandidateEmail { get; init; }

    /// <summary>The candidate's answer page (the link carries a token of its own, good for this interest only).</summary>
    public Uri? AnswerLink { get; init; }

    public IReadOnlyList<Recipient> Pilots { get; init; } = [];

    public IReadOnlyList<Recipient> Advisers { get; init; } = [];

    /// <summary>The dossier's page in the commission's extranet, where the pilot can record the candidate's answer.</summary>
    public Uri? CommissionLink { get; init; }
}

/// <summary>The candidate answered a company's interest (themselves, or through the pilot): the recruiter is told.</summary>
public sealed record InterestAnswered(Guid InterestId, string Number, bool Agreed, Recipient Recruiter, string OrganisationName, DateTimeOffset AnsweredAt)
{
    public string? CandidateFirstName { get; init; }

    /// <summary>The interest's page in the recruiter's extranet (the contact details are there once the candidate agreed).</summary>
    public Uri? InterestLink { get; init; }
}

/// <summary>A company's follow-up sheet has had no news for the configured number of days (21 by default): its recruiter is reminded.</summary>
public sealed record FollowUpReminderDue(Guid InterestId, string Number, Recipient Recruiter, string OrganisationName, int DaysWithoutNews, DateTimeOffset DueAt)
{
    public string? CandidateFirstName { get; init; }

    /// <summary>The sheet's page in the recruiter's extranet.</summary>
    public Uri? SheetLink { get; init; }
}

/// <summary>
/// A dossier will be erased in 30 days, its retention period after its last update having run out (seed 004: 36
/// months): the candidate and the partners' advisers are told, and any update of the dossier before then keeps it.
/// </summary>
public sealed record DossierRetentionWarning(Guid DossierId, string Number, DateOnly ErasureFrom, DateTimeOffset WarnedAt)
{
    public string? CandidateFirstName { get; init; }

    public string? CandidateEmail { get; init; }

    public IReadOnlyList<Recipient> Advisers { get; init; } = [];

    public int RetentionMonths { get; init; }
}

/// <summary>
/// A candidate's dossier was erased (its retention ran out, or the candidate's erasure request was accepted): every
/// service forgets what it holds of that person. Carries what identifies them so that the others can find it, and
/// nothing after it is consumed.
/// </summary>
public sealed record DossierErased(Guid DossierId, string Number, string CandidateEmail, string Reason, DateTimeOffset ErasedAt)
{
    /// <summary>The account the dossier was attached to, if any: it is no longer a candidate's.</summary>
    public Guid? AccountId { get; init; }

    /// <summary>
    /// The erasure is the candidate's accepted request: they are told it is done, at this address, by the one e-mail
    /// Notifications keeps about them (the answer GDPR owes them), with the pilot's message.
    /// </summary>
    public bool AtCandidatesRequest { get; init; }

    public string? CandidateFirstName { get; init; }

    public string? Message { get; init; }
}

/// <summary>A person asked to attach a dossier to their account: the code that proves it is theirs goes to the dossier's address.</summary>
public sealed record CandidateAttachmentCodeRequested(string Email, string FirstName, string Code, DateTimeOffset ExpiresAt);

/// <summary>A person proved a dossier is theirs and attached it to their account: Membership gives that account the role « candidate ».</summary>
public sealed record CandidateAttached(Guid AccountId, Guid DossierId, DateTimeOffset AttachedAt);

/// <summary>The candidate corrected their dossier from their space: the pilots and the partners' advisers are told what changed.</summary>
/// <param name="Sections">The French names of the sections changed (« Identification et coordonnées », « Profil professionnel »…).</param>
public sealed record DossierRectified(Guid DossierId, string Number, string CandidateName, IReadOnlyList<string> Sections, DateTimeOffset RectifiedAt)
{
    public IReadOnlyList<Recipient> Pilots { get; init; } = [];

    public IReadOnlyList<Recipient> Advisers { get; init; } = [];

    /// <summary>The dossier's page in the commission's extranet.</summary>
    public Uri? CommissionLink { get; init; }
}

/// <summary>The candidate reported one of their commitments of seed 004 (an interview, a job found…): the pilots and the partners' advisers are told.</summary>
public sealed record CandidateCommitmentReported(Guid DossierId, string Number, string CandidateName, string Kind, string Label, string? Details, DateTimeOffset ReportedAt)
{
    /// <summary>What the platform did about it (the card left the pool…), in French; null when nothing.</summary>
    public string? Effect { get; init; }

    public IReadOnlyList<Recipient> Pilots { get; init; } = [];

    public IReadOnlyList<Recipient> Advisers { get; init; } = [];

    public Uri? CommissionLink { get; init; }
}

/// <summary>A candidate asked for a correction of the analyses, objected to the processing or asked for erasure: the pilots must answer by the due date.</summary>
public sealed record RightsRequestMade(Guid RequestId, Guid DossierId, string Number, string CandidateName, string Kind, string Label, string Reason, DateOnly DueOn, DateTimeOffset MadeAt)
{
    public IReadOnlyList<Recipient> Pilots { get; init; } = [];

    /// <summary>The commission's page of requests to answer.</summary>
    public Uri? RequestsLink { get; init; }
}

/// <summary>A candidate's request is still unanswered seven days before its due date: the pilots are reminded, once.</summary>
public sealed record RightsRequestReminderDue(Guid RequestId, string Number, string CandidateName, string Label, DateOnly DueOn, DateTimeOffset DueAt)
{
    public IReadOnlyList<Recipient> Pilots { get; init; } = [];

    public Uri? RequestsLink { get; init; }
}

/// <summary>The pilot answered a candidate's request: the candidate is told (for an accepted erasure, by <see cref="DossierErased"/>).</summary>
public sealed record RightsRequestAnswered(Guid RequestId, string Number, string CandidateFirstName, string CandidateEmail, string Label, bool Accepted, string? Message, DateTimeOffset AnsweredAt);

/// <summary>A person asks the territory's pilots to confirm that a dossier is theirs: the pilots are told.</summary>
public sealed record AttachmentConfirmationRequested(Guid DossierId, string Number, string CandidateName, Recipient Requester, string? Message, DateTimeOffset RequestedAt)
{
    public IReadOnlyList<Recipient> Pilots { get; init; } = [];

    public Uri? CommissionLink { get; init; }
}

/// <summary>The pilot confirmed (or not) that the account is the candidate's: its holder is told.</summary>
public sealed record AttachmentDecided(Recipient Requester, string Number, bool Confirmed, DateTimeOffset DecidedAt)
{
    /// <summary>The candidate's space on the site.</summary>
    public Uri? SpaceLink { get; init; }
}
