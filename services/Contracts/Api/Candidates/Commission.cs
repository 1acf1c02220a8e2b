namespace Nege.Contracts.Api.Candidates;

// The bodies of Candidates' HTTP API for the AAR commissions' work in the extranet.

/// <summary>A person of a territorial commission: a member, or one of its pilots (who record the decisions).</summary>
public sealed record TerritoryMemberView(Guid AccountId, string DisplayName, string Email, bool Pilot, DateTimeOffset Since);

/// <summary>A territorial commission and its people.</summary>
public sealed record TerritoryView(string Territory, IReadOnlyList<TerritoryMemberView> Members);

/// <summary>An admin puts a commission member in a territory (PUT …/territories/{territory}/members/{accountId}).</summary>
public sealed record TerritoryMemberRequest(string? DisplayName, string? Email, bool? Pilot);

/// <summary>One line of a territory's work queue.</summary>
/// <param name="DaysWithoutActivity">Since the dossier's last update, analysis or recommendation.</param>
/// <param name="Inactive">No activity for the configured number of days (15 by default): the pilot is reminded.</param>
public sealed record WorkQueueItem(
    Guid Id, string Number, string FirstName, string LastName, string? Territory, DossierStatusView Status,
    DateTimeOffset SubmittedAt, DateTimeOffset LastActivityAt, int DaysWithoutActivity, bool Inactive);

/// <summary>A move asked by the commission (POST …/transitions).</summary>
/// <param name="To">The status's code (in_analysis, advice_interview_planned, employable, accompaniment_plan_needed, not_retained, closed…).</param>
/// <param name="Plan">For accompaniment_plan_needed: « APE » or « PIADC » (seed 004).</param>
public sealed record TransitionRequest(string? To, string? Reason, string? Plan);

/// <summary>A CV analysis or an advice-interview report (POST …/analyses), signed by its author.</summary>
/// <param name="Kind">« cv_analysis » or « advice_interview ».</param>
public sealed record AnalysisRequest(string? Kind, SkillInput[]? Skills, string? Strengths, string? PointsToWork, string? Text);

public sealed record AnalysisView(
    Guid Id, string Kind, string KindLabel, IReadOnlyList<SkillView> Skills, string? Strengths, string? PointsToWork, string? Text,
    string Author, DateTimeOffset At);

/// <summary>A recommendation (POST …/recommendations) on the professional project or on the job search.</summary>
/// <param name="Topic">« professional_project » or « job_search ».</param>
public sealed record RecommendationRequest(string? Topic, string? Text);

public sealed record RecommendationView(Guid Id, string Topic, string TopicLabel, string Text, string Author, DateTimeOffset At);

/// <summary>
/// A dossier as its territory's commission sees it. RQTH/BOE (health data) is shown to the territory's
/// pilots and to admins only, and each showing is audited as such.
/// </summary>
public sealed record CommissionDossierView(
    Guid Id,
    string Number,
    DossierStatusView Status,
    string? Territory,
    string? AccompanimentPlan,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    DossierContentView Content,
    bool HealthDataShown,
    IReadOnlyList<AnalysisView> Analyses,
    IReadOnlyList<RecommendationView> Recommendations,
    IReadOnlyList<DossierTransitionView> History,
    IReadOnlyList<StatusOption> NextStatuses)
{
    /// <summary>The documents the partner sent (CV, letters…), without their bytes: each download is audited.</summary>
    public IReadOnlyList<DossierDocumentView> Documents { get; init; } = [];

    /// <summary>The commitments the candidate reported from their space (seed 004), newest first.</summary>
    public IReadOnlyList<CommitmentView> Commitments { get; init; } = [];

    /// <summary>The candidate's requests (correction, objection, erasure) the pilot answers, newest first.</summary>
    public IReadOnlyList<RightsRequestView> Requests { get; init; } = [];

    /// <summary>Accounts asking the pilot to confirm that this dossier is theirs (they cannot receive the code).</summary>
    public IReadOnlyList<PendingAttachmentView> PendingAttachments { get; init; } = [];
}

/// <summary>A status a dossier may move to next.</summary>
public sealed record StatusOption(string Code, string Label);

/// <summary>One read of a candidate's personal data by a person: who, which dossier, what, when.</summary>
/// <param name="What">« dossier », « health_data », « document », « export ».</param>
public sealed record PersonalDataReadView(long Id, DateTimeOffset At, Guid AccountId, string ReaderName, Guid DossierId, string What, string? Detail);

/// <summary>An admin gives a dossier to a territory's commission.</summary>
public sealed record DispatchRequest(string? Territory);

/// <summary>
/// What is left of erased dossiers (GET /api/candidates/statistics): how many, by month of submission, territory, outcome
/// (the status they were erased in) and age band. Nothing that identifies anyone.
/// </summary>
public sealed record DossierStatisticView(DateOnly Month, string Territory, string Outcome, string OutcomeLabel, string AgeBand, int Count);
