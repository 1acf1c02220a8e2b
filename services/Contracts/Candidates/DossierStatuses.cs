namespace Nege.Contracts.Candidates;

/// <summary>
/// The statuses of a candidate's dossier as Candidates' API names them (<c>DossierStatusView.Code</c>, the
/// work queue's <c>status</c> filter, <c>DossierTransitionView.From</c>) with their French labels, in the
/// order of the life cycle (seed 000, « Qualification du niveau d'Employabilité »). Candidates' transition
/// table owns which may follow which; its codes and labels are pinned to these by its tests.
/// </summary>
public static class DossierStatuses
{
    public const string Submitted = "submitted";
    public const string InAnalysis = "in_analysis";
    public const string AdviceInterviewPlanned = "advice_interview_planned";
    public const string Employable = "employable";
    public const string AccompanimentPlanNeeded = "accompaniment_plan_needed";
    public const string NotRetained = "not_retained";
    public const string Withdrawn = "withdrawn";
    public const string Closed = "closed";
    public const string Published = "published";
    public const string InRecruitment = "in_recruitment";
    public const string Hired = "hired";
    public const string WithdrawnFromPool = "withdrawn_from_pool";

    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        (Submitted, "Déposé"),
        (InAnalysis, "En analyse"),
        (AdviceInterviewPlanned, "Entretien conseil planifié"),
        (Employable, "Qualifié employable"),
        (AccompanimentPlanNeeded, "Plan d'accompagnement nécessaire"),
        (NotRetained, "Non retenu"),
        (Withdrawn, "Retiré"),
        (Closed, "Clôturé"),
        (Published, "Publié dans le vivier"),
        (InRecruitment, "En recrutement"),
        (Hired, "Recruté"),
        (WithdrawnFromPool, "Retiré du vivier"),
    ];

    /// <summary>The French label of a status's code; the code itself when it is unknown.</summary>
    public static string Label(string? code) =>
        All.FirstOrDefault(status => status.Code == code).Label ?? code ?? "";
}
