namespace Nege.Contracts.Api.Candidates;

// The bodies of Candidates' HTTP API for dossiers, as partners' systems and the site send and read
// them. Every input field is nullable: what is missing or wrong is reported per field, in French.

/// <summary>A dossier as a partner sends it (POST to create, PUT to replace its contents).</summary>
public sealed record DossierRequest(
    IdentificationInput? Identification,
    SearchContextInput? Context,
    ProfileInput? Profile,
    ProjectInput? Project,
    ConsentInput? Consent)
{
    /// <summary>
    /// The partner's adviser who follows the candidate, told by e-mail of each change of the dossier's
    /// status. Optional; when absent, an adviser submitting in the extranet is the adviser, and a
    /// replacement (PUT) keeps the one already recorded.
    /// </summary>
    public AdviserInput? Adviser { get; init; }
}

/// <summary>« Conseiller » of the employment partner who follows the candidate.</summary>
public sealed record AdviserInput(string? Name, string? Email);

/// <summary>« Identification du candidat ».</summary>
/// <param name="PartnerReference">« Matricule »: the partner's own reference for the person.</param>
/// <param name="BirthDate">Or only the age band, in the context.</param>
public sealed record IdentificationInput(
    string? FirstName,
    string? LastName,
    string? PartnerReference,
    PostalAddressInput? Address,
    string? Email,
    string? Phone,
    DateOnly? BirthDate);

public sealed record PostalAddressInput(string? Street, string? Complement, string? PostalCode, string? City);

/// <summary>« Contexte spécifique de recherche d'emploi ».</summary>
/// <param name="AgeBand">Derived from the birth date when one is given.</param>
/// <param name="Situations">« Situation particulière vis-à-vis de l'emploi », several allowed.</param>
public sealed record SearchContextInput(string? AgeBand, string? ComplementaryActivity, string[]? Situations);

/// <summary>« Profil professionnel ».</summary>
public sealed record ProfileInput(
    SkillInput[]? Skills,
    string[]? SoftSkills,
    string? QualificationLevel,
    string? Diploma,
    int? ExperienceYears,
    string? Experience);

/// <param name="Kind">Fonctionnelle, Technique, Méthodologique or Langue.</param>
/// <param name="Level">Notions… Expertise, or A1… C2 for a language.</param>
public sealed record SkillInput(string? Kind, string? Name, string? Level);

/// <summary>« Projet professionnel ».</summary>
public sealed record ProjectInput(
    string[]? TargetJobs,
    string[]? CompanyTypes,
    string[]? ContractTypes,
    int? ExpectedAnnualGrossSalaryCents,
    MobilityInput? Mobility,
    string? SkillsDevelopment);

/// <param name="Departements">As seed 000 names them (« Alsace : Bas-Rhin (67) »…).</param>
/// <param name="MaximumDistanceKm">How far from home the candidate would work.</param>
public sealed record MobilityInput(string[]? Departements, int? MaximumDistanceKm);

/// <param name="NoticeVersion">The version of « Conditions d'utilisation des données personnelles des candidats » the candidate was informed of.</param>
/// <param name="SocialNetworkPromotion">Separate and optional: the candidate agrees to their profile being promoted on LinkedIn.</param>
public sealed record ConsentInput(string? NoticeVersion, bool? SocialNetworkPromotion)
{
    /// <summary>
    /// Separate and optional: the candidate agrees that, once qualified employable, a pseudonymous card of their
    /// profile (first name, target job, skills…) be published in the talent pool that member companies search.
    /// Absent: not given (the commission's pilot may record it later, when the candidate agrees).
    /// </summary>
    public bool? TalentPool { get; init; }
}

/// <summary>Why a dossier is withdrawn (POST …/withdrawal).</summary>
public sealed record WithdrawalRequest(string? Reason);

/// <summary>Where a dossier stands.</summary>
/// <param name="Code">The status's stable code (submitted, in_analysis…).</param>
/// <param name="Label">Its French label.</param>
public sealed record DossierStatusView(string Code, string Label, DateTimeOffset Since);

/// <summary>
/// A dossier as a partner sees it. The organisation that submitted it sees everything; one that
/// follows it (it sent the same person later) sees who and where the dossier stands, not its contents.
/// </summary>
/// <param name="Relation">« submitter » or « follower ».</param>
public sealed record PartnerDossierView(
    Guid Id,
    string Number,
    string Relation,
    DossierStatusView Status,
    string? Territory,
    string? PartnerReference,
    string FirstName,
    string LastName,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    DossierContentView? Content)
{
    /// <summary>Your organisation's adviser for this candidate, told by e-mail of each status change; null when none was given.</summary>
    public AdviserView? Adviser { get; init; }
}

public sealed record AdviserView(string Name, string Email);

/// <summary>The dossier's contents, normalised (phone in E.164, lists' values as the seeds spell them).</summary>
public sealed record DossierContentView(
    IdentificationView Identification,
    SearchContextView Context,
    ProfileView Profile,
    ProjectView Project,
    ConsentView Consent);

public sealed record IdentificationView(
    string FirstName, string LastName, string? PartnerReference, PostalAddressView Address, string Email, string? Phone, DateOnly? BirthDate);

public sealed record PostalAddressView(string Street, string? Complement, string PostalCode, string City);

public sealed record SearchContextView(string AgeBand, string? ComplementaryActivity, IReadOnlyList<string> Situations);

public sealed record ProfileView(
    IReadOnlyList<SkillView> Skills, IReadOnlyList<string> SoftSkills, string QualificationLevel, string? Diploma, int? ExperienceYears, string? Experience);

public sealed record SkillView(string Kind, string Name, string Level);

public sealed record ProjectView(
    IReadOnlyList<string> TargetJobs,
    IReadOnlyList<string> CompanyTypes,
    IReadOnlyList<string> ContractTypes,
    int? ExpectedAnnualGrossSalaryCents,
    MobilityView Mobility,
    string? SkillsDevelopment);

public sealed record MobilityView(IReadOnlyList<string> Departements, int? MaximumDistanceKm);

public sealed record ConsentView(string NoticeVersion, bool SocialNetworkPromotion, DateTimeOffset InformedAt)
{
    /// <summary>The candidate agreed to a pseudonymous card in the talent pool.</summary>
    public bool TalentPool { get; init; }
}

/// <summary>One step of a dossier's life: who moved it, when, from which status to which, and why.</summary>
/// <param name="By">« Prénom Nom » of a person, or the partner's client for its own system's changes.</param>
public sealed record DossierTransitionView(string? From, string To, string ToLabel, DateTimeOffset At, string By, string? Reason);

/// <summary>
/// The answer to a dossier's submission: « created » (201), « linked » (200: the person already had a
/// dossier from another partner, which you now follow) or « existing » (200: you had already sent them).
/// </summary>
public sealed record DossierIntakeView(string Outcome, string Message, PartnerDossierView Dossier);

/// <summary>A partner's webhook (PUT /api/candidates/v1/webhook): where its dossiers' status changes are POSTed.</summary>
public sealed record WebhookRequest(string? Url);

/// <summary>The partner's webhook. The secret is shown only when it is set or rotated: keep it to check the signatures.</summary>
public sealed record WebhookView(string Url, string? Secret, DateTimeOffset UpdatedAt);

/// <summary>One call made (or to make) to a partner's webhook.</summary>
public sealed record WebhookDeliveryView(
    Guid Id, string EventType, Guid DossierId, string State, int Attempts, int? LastStatusCode, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt, DateTimeOffset? NextAttemptAt);

/// <summary>
/// The body POSTed to a partner's webhook, signed in its headers (Nege-Timestamp, Nege-Signature:
/// sha256=HMAC-SHA256(secret, "timestamp.body") in hex). The same delivery id comes again on a retry.
/// </summary>
public sealed record WebhookEvent(Guid Id, string Type, DateTimeOffset OccurredAt, DossierStatusChange Data);

public sealed record DossierStatusChange(Guid DossierId, string Number, string? From, string To, string ToLabel, string? Reason);
