namespace Nege.Contracts.Candidates;

/// <summary>
/// The lists of values of the AAR commission's work on a dossier (seed 004), as Candidates' API takes
/// them (codes) with their French labels. The service's own types are pinned to these by its tests.
/// </summary>
public static class CommissionForm
{
    /// <summary>« Action Préparatoire au retour à l'Emploi » and « Plan Individuel d'Adaptation et de Développement des Compétences ».</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> AccompanimentPlans =
    [
        ("APE", "APE — Action Préparatoire au retour à l'Emploi"),
        ("PIADC", "PIADC — Plan Individuel d'Adaptation et de Développement des Compétences"),
    ];

    /// <summary><c>AnalysisRequest.Kind</c>: a CV analysis or an advice-interview report.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> AnalysisKinds =
    [
        ("cv_analysis", "Analyse du CV"),
        ("advice_interview", "Compte-rendu d'entretien conseil"),
    ];

    /// <summary><c>RecommendationRequest.Topic</c>.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> RecommendationTopics =
    [
        ("professional_project", "Projet professionnel"),
        ("job_search", "Démarche de recherche d'emploi"),
    ];
}
