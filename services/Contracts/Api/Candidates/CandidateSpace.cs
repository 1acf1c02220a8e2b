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
    DateOnly ErasureDue);
