using Nege.Candidates.Commission;
using Nege.Candidates.Dossiers;
using Nege.Contracts.Candidates;

namespace Candidates.Tests;

/// <summary>The lists of values the site reads from Contracts are exactly those of the service's own types.</summary>
public sealed class DossierStatusesContractTests
{
    [Fact]
    public void Every_status_has_the_code_and_label_of_the_life_cycle_in_its_order()
    {
        Assert.Equal(
            Enum.GetValues<DossierStatus>().Select(s => (DossierLifeCycle.Code(s), DossierLifeCycle.Label(s))),
            DossierStatuses.All);
    }

    [Fact]
    public void The_commissions_lists_are_those_the_service_takes()
    {
        Assert.Equal(CommissionMoves.Plans, CommissionForm.AccompanimentPlans.Select(p => p.Code));
        Assert.Equal(
            Enum.GetValues<AnalysisKind>().Select(k => (DossierAnalysis.Code(k), DossierAnalysis.Label(k))),
            CommissionForm.AnalysisKinds);
        Assert.Equal(
            Enum.GetValues<RecommendationTopic>().Select(t => (DossierRecommendation.Code(t), DossierRecommendation.Label(t))),
            CommissionForm.RecommendationTopics);
    }
}
