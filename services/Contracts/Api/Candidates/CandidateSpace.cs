namespace Nege.Contracts.Api.Candidates;

// The bodies of Candidates' HTTP API for the candidates' own space (« Je suis candidat »).

/// <summary>A person asks that their dossier be attached to their account: a code is sent to the dossier's e-mail address.</summary>
public sealed record AttachmentRequest(string? Email);

/// <summary>The code received by e-mail, which proves the dossier is theirs.</summary>
public sealed record AttachmentConfirmation(string? Code);

/// <summary>Where an attachment stands: « pending » (a code was sent) or « attached ».</summary>
public sealed record AttachmentView(string Status, string Message, DateTimeOffset? CodeExpiresAt);

/// <summary>One consent as it stands now (the latest line of the ledger), and its history.</summary>
/// <param name="Kind">« data_use_notice », « talent_pool » or « social_network_promotion ».</param>
public sealed record ConsentStateView(string Kind, string Label, bool Given, string NoticeVersion, string By, string How, DateTimeOffset Since, IReadOnlyList<ConsentLineView> History);

public sealed record ConsentLineView(bool Given, string NoticeVersion, string By, string ByName, string How, DateTimeOffset At);

/// <summary>The candidate gives or withdraws a consent (POST /api/candidates/me/consents): a withdrawal takes effect at once.</summary>
/// <param name="Kind">« talent_pool » or « social_network_promotion ».</param>
public sealed record ConsentChangeRequest(string? Kind, bool? Given);

/// <summary>
/// The whole dossier as its candidate reads it (the right of access): its contents, where it stands and its history,
/// the commission's analyses and recommendations (read-only), the documents, the consents, the companies interested
/// and their follow-up sheets, and the version of the data-use notice they were informed of.
/// </summary>
public sealed record CandidateDossierView(
    Guid Id,
    string Number,
    DossierStatusView Status,
    string? Territory,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    DossierContentView Content,
    IReadOnlyList<AnalysisView> Analyses,
    IReadOnlyList<RecommendationView> Recommendations,
    IReadOnlyList<DossierTransitionView> History,
    IReadOnlyList<DossierDocumentView> Documents,
    IReadOnlyList<ConsentStateView> Consents,
    TalentCardView? Card,
    IReadOnlyList<InterestView> Interests,
    IReadOnlyList<FollowUpSheetView> FollowUps,
    string NoticeVersion,
    Uri? NoticeLink,
    DateOnly ErasureDue)
{
    /// <summary>The commitments the candidate reported (seed 004), newest first.</summary>
    public IReadOnlyList<CommitmentView> Commitments { get; init; } = [];

    /// <summary>The candidate's requests (correction, objection, erasure), newest first.</summary>
    public IReadOnlyList<RightsRequestView> Requests { get; init; } = [];
}

/// <summary>
/// The candidate rectifies their dossier (PUT /api/candidates/me/dossier): a section sent replaces that section, one
/// left out (null) is kept. The consents change through …/me/consents; the commission's analyses are read-only (a
/// correction request about them goes to the pilot, POST …/me/requests with kind « correction »).
/// </summary>
public sealed record RectificationRequest(IdentificationInput? Identification, SearchContextInput? Context, ProfileInput? Profile, ProjectInput? Project);

/// <summary>
/// One of the candidate's commitments of seed 004 (« Engagement de collaboration »), reported in one click
/// (POST /api/candidates/me/commitments): the pilots and the partners' advisers are told.
/// </summary>
/// <param name="Kind">« interview », « found_job », « unavailable », « training », « new_skills » or « wants_to_stop ».</param>
/// <param name="Details">Optional: what the candidate wants to add (which company, until when, which training…).</param>
public sealed record CommitmentRequest(string? Kind, string? Details);

public sealed record CommitmentView(Guid Id, string Kind, string Label, string? Details, DateTimeOffset At);

/// <summary>
/// A request the candidate makes of the association (POST /api/candidates/me/requests), which the territory's pilot
/// must answer within one month.
/// </summary>
/// <param name="Kind">« correction » (of the commission's analyses), « objection » (to the processing) or « erasure » (close and delete the dossier).</param>
public sealed record RightsRequestInput(string? Kind, string? Reason);

/// <summary>A candidate's request and where it stands.</summary>
/// <param name="State">« open », « accepted » or « refused ».</param>
/// <param name="Overdue">Still open after its due date.</param>
public sealed record RightsRequestView(
    Guid Id, string Kind, string Label, string Reason, string State, string StateLabel, DateTimeOffset CreatedAt, DateOnly DueOn, bool Overdue,
    string? Answer, string? AnsweredBy, DateTimeOffset? AnsweredAt);

/// <summary>A candidate's request in the commission's queue (GET /api/candidates/commission/requests).</summary>
public sealed record CommissionRightsRequestView(Guid DossierId, string Number, string CandidateName, string? Territory, RightsRequestView Request);

/// <summary>The pilot's answer to a candidate's request (POST /api/candidates/commission/requests/{id}/answer).</summary>
/// <param name="Decision">« accepted » or « refused ». An accepted erasure erases the dossier at once; an accepted objection withdraws it.</param>
/// <param name="Message">What the candidate is told (required when refused: why).</param>
public sealed record RightsRequestAnswer(string? Decision, string? Message);

/// <summary>The candidate answers a company's interest from their space (POST /api/candidates/me/interests/{id}/answer).</summary>
public sealed record SpaceInterestAnswer(bool? Agreed);

/// <summary>
/// A person who cannot receive the code at the dossier's address asks the commission's pilot to confirm that the dossier
/// is theirs (POST /api/candidates/me/attachment/pilot): the dossier's number is on the e-mail sent when it was submitted.
/// </summary>
public sealed record PilotAttachmentRequest(string? Number, string? Message);

/// <summary>An account waiting for the pilot to confirm that this dossier is its holder's.</summary>
public sealed record PendingAttachmentView(Guid AccountId, string Name, string Email, string? Message, DateTimeOffset RequestedAt);

/// <summary>The pilot confirms (or not) that the account is the candidate's (POST …/commission/dossiers/{id}/attachment).</summary>
public sealed record AttachmentDecision(Guid? AccountId, bool? Confirmed);
