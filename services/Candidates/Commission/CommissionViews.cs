using Nege.Candidates.Dossiers;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;

namespace Nege.Candidates.Commission;

public static class CommissionViews
{
    public static AnalysisView Analysis(DossierAnalysis a) => new(
        a.Id, DossierAnalysis.Code(a.Kind), DossierAnalysis.Label(a.Kind), a.Skills, a.Strengths, a.PointsToWork, a.Text, a.AuthorName, a.At);

    public static RecommendationView Recommendation(DossierRecommendation r) => new(
        r.Id, DossierRecommendation.Code(r.Topic), DossierRecommendation.Label(r.Topic), r.Text, r.AuthorName, r.At);

    /// <summary>The dossier's page; RQTH/BOE left out unless <paramref name="showHealthData"/>.</summary>
    public static CommissionDossierView Dossier(
        Dossier dossier, bool showHealthData, IEnumerable<DossierAnalysis> analyses, IEnumerable<DossierRecommendation> recommendations)
    {
        var content = dossier.Content;
        var healthShown = showHealthData && dossier.HasHealthData;
        if (!showHealthData && dossier.HasHealthData)
        {
            content = content with
            {
                Context = content.Context with { Situations = [.. content.Context.Situations.Where(s => s != CandidateForm.EmploymentObligation)] },
            };
        }

        return new CommissionDossierView(
            dossier.Id,
            dossier.NumberText,
            DossierViews.StatusOf(dossier),
            dossier.Territory,
            dossier.AccompanimentPlan,
            dossier.SubmittedAt,
            dossier.UpdatedAt,
            content,
            healthShown,
            [.. analyses.OrderBy(a => a.At).Select(Analysis)],
            [.. recommendations.OrderBy(r => r.At).Select(Recommendation)],
            [.. dossier.Transitions.OrderBy(t => t.At).ThenBy(t => t.Id).Select(DossierViews.Transition)],
            [.. DossierLifeCycle.NextOf(dossier.Status).Select(s => new StatusOption(DossierLifeCycle.Code(s), DossierLifeCycle.Label(s)))]);
    }

    public static WorkQueueItem QueueItem(Dossier dossier, DateTimeOffset now, int inactivityDays)
    {
        var idle = (int)Math.Floor((now - dossier.UpdatedAt).TotalDays);
        return new WorkQueueItem(
            dossier.Id, dossier.NumberText, dossier.Content.Identification.FirstName, dossier.Content.Identification.LastName,
            dossier.Territory, DossierViews.StatusOf(dossier), dossier.SubmittedAt, dossier.UpdatedAt, idle,
            DossierLifeCycle.AwaitingCommission.Contains(dossier.Status) && idle >= inactivityDays);
    }
}
