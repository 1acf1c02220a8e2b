using Nege.Candidates.Dossiers;
using Nege.Contracts.Api.Candidates;
using Nege.ServiceDefaults.Http;

namespace Nege.Candidates.Commission;

/// <summary>What the commission may ask of a dossier's status, beyond the life cycle's own table.</summary>
public static class CommissionMoves
{
    /// <summary>« Action Préparatoire au retour à l'Emploi » and « Plan Individuel d'Adaptation et de Développement des Compétences » (seed 004).</summary>
    public static readonly IReadOnlyList<string> Plans = ["APE", "PIADC"];

    /// <summary>The decisions and the ends of a dossier: recorded by a pilot of its territory (or an admin), with their reason.</summary>
    public static bool IsPilotsDecision(DossierStatus to) =>
        to is DossierStatus.Employable or DossierStatus.AccompanimentPlanNeeded or DossierStatus.NotRetained
            or DossierStatus.Withdrawn or DossierStatus.Closed or DossierStatus.InRecruitment or DossierStatus.Hired or DossierStatus.WithdrawnFromPool;

    public static (DossierStatus? To, string? Reason, string? Plan, ValidationErrors Errors) Validate(TransitionRequest request)
    {
        var errors = new ValidationErrors();
        var to = DossierLifeCycle.FromCode(request.To?.Trim());
        if (to is null)
        {
            errors.Add("to", $"Le statut demandé doit être l'un de : {string.Join(", ", Enum.GetValues<DossierStatus>().Skip(1).Where(s => s != DossierStatus.Published).Select(DossierLifeCycle.Code))}.");
        }
        else if (to == DossierStatus.Published)
        {
            errors.Add("to", "On publie un candidat dans le vivier avec sa fiche (résumé, disponibilité) : POST …/publication.");
        }

        var reason = DossierRules.Optional(errors, "reason", request.Reason, "Le motif", DossierRules.LongTextMaxLength);
        errors.AddIf(to is { } decided && IsPilotsDecision(decided) && reason is null, "reason", "Une décision s'accompagne de son motif.");
        var plan = request.Plan?.Trim();
        if (to == DossierStatus.AccompanimentPlanNeeded)
        {
            errors.AddIf(plan is null || !Plans.Contains(plan), "plan", "Précisez le plan d'accompagnement : « APE » ou « PIADC ».");
        }
        else
        {
            errors.AddIf(!string.IsNullOrEmpty(plan), "plan", "Un plan d'accompagnement ne se précise qu'avec le statut accompaniment_plan_needed.");
            plan = null;
        }

        return (to, reason, plan, errors);
    }
}
