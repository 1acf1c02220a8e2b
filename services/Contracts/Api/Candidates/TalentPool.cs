namespace Nege.Contracts.Api.Candidates;

// The bodies of Candidates' HTTP API for the talent pool (« vivier ») that member companies search.

/// <summary>
/// A pilot publishes a qualified employable candidate in the talent pool (POST …/commission/dossiers/{id}/publication).
/// </summary>
/// <param name="Summary">
/// « Résumé des compétences et de l'expérience », shown on the card: written for recruiters, without the candidate's
/// last name, contact details or employers' names.
/// </param>
/// <param name="AvailableFrom">When the candidate can start; absent: at once.</param>
/// <param name="CandidateAgreed">
/// The candidate told the pilot they agree to the card (when the partner did not send that consent): recorded in
/// the consent ledger as given to the pilot.
/// </param>
public sealed record PublicationRequest(string? Summary, DateOnly? AvailableFrom, bool? CandidateAgreed);

/// <summary>
/// A candidate's card in the talent pool, as member companies see it: pseudonymous. No last name, contact,
/// address, birth date, document or commission analysis is ever on it.
/// </summary>
/// <param name="Id">The card's own id (not the dossier's).</param>
/// <param name="Status">« published » (available) or « in_recruitment » (a company is in contact with the candidate).</param>
public sealed record TalentCardView(
    Guid Id,
    string FirstName,
    IReadOnlyList<string> TargetJobs,
    IReadOnlyList<SkillView> Skills,
    IReadOnlyList<string> SoftSkills,
    string Summary,
    int? ExperienceYears,
    string QualificationLevel,
    string Territory,
    MobilityView Mobility,
    IReadOnlyList<string> ContractTypes,
    AvailabilityView Availability,
    DossierStatusView Status,
    DateTimeOffset PublishedAt);

/// <param name="From">The first day the candidate can start; null: at once.</param>
/// <param name="Label">« Immédiate » or « À partir du 04/01/2027 ».</param>
public sealed record AvailabilityView(DateOnly? From, string Label);

/// <summary>One search result: the card, and the words that matched in context (HTML with &lt;mark&gt;, from the card's own text only).</summary>
public sealed record TalentCardHit(TalentCardView Card, string? Snippet, double? Rank);

/// <summary>A recruiter records their company's interest in a card (POST …/pool/cards/{id}/interests).</summary>
public sealed record InterestRequest(string? Message);

/// <summary>
/// A member company's interest in a candidate. The candidate's contact details and documents are given only once
/// the candidate agreed (through the link e-mailed to them, or as the pilot records it), and each reading of them is audited.
/// </summary>
/// <param name="Status">« pending » (the candidate has not answered), « agreed » or « declined ».</param>
/// <param name="Contact">Only when the candidate agreed.</param>
public sealed record InterestView(
    Guid Id,
    TalentCardView? Card,
    string OrganisationName,
    string RecruiterName,
    string Message,
    string Status,
    string StatusLabel,
    DateTimeOffset CreatedAt,
    DateTimeOffset? AnsweredAt,
    string? AnsweredBy,
    CandidateContactView? Contact,
    IReadOnlyList<DossierDocumentView> Documents);

/// <summary>What a company learns of a candidate who agreed to be contacted.</summary>
public sealed record CandidateContactView(string FirstName, string LastName, string Email, string? Phone, string City);

/// <summary>The pilot records the candidate's answer to a company's interest (POST …/commission/interests/{id}/answer).</summary>
public sealed record InterestAnswerRequest(bool? Agreed);

/// <summary>The candidate answers from the link in their e-mail (POST /api/candidates/interests/answer).</summary>
public sealed record CandidateInterestAnswerRequest(string? Token, bool? Agreed);

/// <summary>What the candidate sees behind the link: who is interested and what they wrote.</summary>
public sealed record CandidateInterestView(string FirstName, string OrganisationName, string Message, string Status, string StatusLabel, DateTimeOffset CreatedAt);

/// <summary>
/// A line the interested company adds to its follow-up sheet (« fiche de suivi »), POST …/pool/interests/{id}/sheet/entries.
/// </summary>
/// <param name="Kind">« interview », « proposal », « hire » or « end ».</param>
/// <param name="Date">When it happened (or will: an interview planned).</param>
/// <param name="InterviewKind">For an interview: « Téléphone », « Visioconférence » or « Sur site ».</param>
/// <param name="Outcome">For an interview or a proposal: what came of it (or what is proposed).</param>
/// <param name="ContractType">For a hire: the contract (CDI, CDD…).</param>
/// <param name="StartDate">For a hire: the first day.</param>
/// <param name="Reason">For an end without hire: why.</param>
public sealed record FollowUpEntryRequest(
    string? Kind, DateOnly? Date, string? InterviewKind, string? Outcome, string? ContractType, DateOnly? StartDate, string? Reason);

public sealed record FollowUpEntryView(
    long Id, string Kind, string KindLabel, DateOnly Date, string? InterviewKind, string? Outcome, string? ContractType, DateOnly? StartDate,
    string? Reason, string Author, DateTimeOffset RecordedAt);

/// <summary>A company's follow-up sheet of a recruitment: opened when the candidate agreed to be contacted.</summary>
/// <param name="Status">« open », « hired » or « ended ».</param>
public sealed record FollowUpSheetView(
    Guid InterestId, string OrganisationName, string Status, string StatusLabel, DateTimeOffset OpenedAt, DateTimeOffset LastNewsAt,
    IReadOnlyList<FollowUpEntryView> Entries);
