namespace Nege.Candidates.Dossiers;

/// <summary>Where a dossier stands in the AAR commission's qualification (seed 000, « Qualification du niveau d'Employabilité »).</summary>
public enum DossierStatus
{
    Submitted,
    InAnalysis,
    AdviceInterviewPlanned,
    Employable,
    AccompanimentPlanNeeded,
    NotRetained,
    Withdrawn,
    Closed,

    /// <summary>A qualified employable candidate's pseudonymous card is in the talent pool (« vivier »).</summary>
    Published,

    /// <summary>A member company is in contact with the candidate (the candidate agreed); the card stays in the pool.</summary>
    InRecruitment,

    Hired,

    /// <summary>The card left the pool (the pilot's decision, or the candidate withdrew their consent); it may be published again.</summary>
    WithdrawnFromPool,
}

/// <summary>The dossier's life cycle as one table: which status may follow which, and how each is named.</summary>
public static class DossierLifeCycle
{
    private static readonly Dictionary<DossierStatus, DossierStatus[]> Next = new()
    {
        [DossierStatus.Submitted] = [DossierStatus.InAnalysis],
        [DossierStatus.InAnalysis] = [DossierStatus.AdviceInterviewPlanned, DossierStatus.NotRetained],
        [DossierStatus.AdviceInterviewPlanned] = [DossierStatus.Employable, DossierStatus.AccompanimentPlanNeeded, DossierStatus.NotRetained],
        [DossierStatus.Employable] = [DossierStatus.Published],
        [DossierStatus.AccompanimentPlanNeeded] = [DossierStatus.Employable],
        [DossierStatus.NotRetained] = [],
        [DossierStatus.Withdrawn] = [],
        [DossierStatus.Closed] = [],
        [DossierStatus.Published] = [DossierStatus.InRecruitment, DossierStatus.Hired, DossierStatus.WithdrawnFromPool],
        [DossierStatus.InRecruitment] = [DossierStatus.Published, DossierStatus.Hired, DossierStatus.WithdrawnFromPool],
        [DossierStatus.Hired] = [],
        [DossierStatus.WithdrawnFromPool] = [DossierStatus.Published],
    };

    /// <summary>The statuses whose card member companies find in the talent pool.</summary>
    public static readonly DossierStatus[] InPool = [DossierStatus.Published, DossierStatus.InRecruitment];

    public static bool IsInPool(DossierStatus status) => InPool.Contains(status);

    /// <summary>Withdrawn (by the candidate or their partner) and closed end a dossier; from any open status.</summary>
    public static bool IsOpen(DossierStatus status) => status is not (DossierStatus.Withdrawn or DossierStatus.Closed);

    /// <summary>The statuses where the commission still has work to do: only those can be « sans activité ».</summary>
    public static readonly DossierStatus[] AwaitingCommission =
        [DossierStatus.Submitted, DossierStatus.InAnalysis, DossierStatus.AdviceInterviewPlanned, DossierStatus.AccompanimentPlanNeeded];

    public static bool CanMove(DossierStatus from, DossierStatus to) =>
        IsOpen(from) && (to is DossierStatus.Withdrawn or DossierStatus.Closed || Next[from].Contains(to));

    public static IReadOnlyList<DossierStatus> NextOf(DossierStatus from) =>
        IsOpen(from) ? [.. Next[from], DossierStatus.Withdrawn, DossierStatus.Closed] : [];

    /// <summary>The reason a move is refused, in French.</summary>
    public static string WhyNot(DossierStatus from, DossierStatus to) =>
        !IsOpen(from)
            ? $"Ce dossier est « {Label(from)} » : il ne peut plus changer de statut."
            : from == to
                ? $"Ce dossier est déjà « {Label(from)} »."
                : $"Un dossier « {Label(from)} » ne peut pas passer à « {Label(to)} » ; possibles : {string.Join(", ", NextOf(from).Select(s => $"« {Label(s)} »"))}.";

    public static string Code(DossierStatus status) => status switch
    {
        DossierStatus.Submitted => "submitted",
        DossierStatus.InAnalysis => "in_analysis",
        DossierStatus.AdviceInterviewPlanned => "advice_interview_planned",
        DossierStatus.Employable => "employable",
        DossierStatus.AccompanimentPlanNeeded => "accompaniment_plan_needed",
        DossierStatus.NotRetained => "not_retained",
        DossierStatus.Withdrawn => "withdrawn",
        DossierStatus.Closed => "closed",
        DossierStatus.Published => "published",
        DossierStatus.InRecruitment => "in_recruitment",
        DossierStatus.Hired => "hired",
        DossierStatus.WithdrawnFromPool => "withdrawn_from_pool",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static DossierStatus? FromCode(string? code) =>
        Enum.GetValues<DossierStatus>().Cast<DossierStatus?>().FirstOrDefault(s => Code(s!.Value) == code);

    public static string Label(DossierStatus status) => status switch
    {
        DossierStatus.Submitted => "Déposé",
        DossierStatus.InAnalysis => "En analyse",
        DossierStatus.AdviceInterviewPlanned => "Entretien conseil planifié",
        DossierStatus.Employable => "Qualifié employable",
        DossierStatus.AccompanimentPlanNeeded => "Plan d'accompagnement nécessaire",
        DossierStatus.NotRetained => "Non retenu",
        DossierStatus.Withdrawn => "Retiré",
        DossierStatus.Closed => "Clôturé",
        DossierStatus.Published => "Publié dans le vivier",
        DossierStatus.InRecruitment => "En recrutement",
        DossierStatus.Hired => "Recruté",
        DossierStatus.WithdrawnFromPool => "Retiré du vivier",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
