using Nege.Candidates.Commission;
using Nege.Candidates.Dossiers;
using Nege.Contracts.Candidates;

namespace Candidates.Tests;

/// <summary>The statuses and plans the site reads from Contracts are exactly those of the service's life cycle.</summary>
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
    public void The_accompaniment_plans_are_those_the_commission_may_record()
    {
        Assert.Equal(CommissionMoves.Plans, DossierStatuses.AccompanimentPlans.Select(p => p.Code));
    }
}
