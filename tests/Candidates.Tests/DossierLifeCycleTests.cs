using Nege.Candidates.Dossiers;
using Nege.Contracts.Candidates;

namespace Candidates.Tests;

public sealed class DossierLifeCycleTests
{
    private static readonly DossierActor Pilot = new(DossierActorKind.Person, "pilot-1", "Paule Pilote");

    private static readonly HashSet<(DossierStatus, DossierStatus)> Legal =
    [
        (DossierStatus.Submitted, DossierStatus.InAnalysis),
        (DossierStatus.InAnalysis, DossierStatus.AdviceInterviewPlanned),
        (DossierStatus.InAnalysis, DossierStatus.NotRetained),
        (DossierStatus.AdviceInterviewPlanned, DossierStatus.Employable),
        (DossierStatus.AdviceInterviewPlanned, DossierStatus.AccompanimentPlanNeeded),
        (DossierStatus.AdviceInterviewPlanned, DossierStatus.NotRetained),
        (DossierStatus.AccompanimentPlanNeeded, DossierStatus.Employable),
        (DossierStatus.Employable, DossierStatus.Published),
        (DossierStatus.Published, DossierStatus.InRecruitment),
        (DossierStatus.Published, DossierStatus.Hired),
        (DossierStatus.Published, DossierStatus.WithdrawnFromPool),
        (DossierStatus.InRecruitment, DossierStatus.Published),
        (DossierStatus.InRecruitment, DossierStatus.Hired),
        (DossierStatus.InRecruitment, DossierStatus.WithdrawnFromPool),
        (DossierStatus.WithdrawnFromPool, DossierStatus.Published),
    ];

    public static TheoryData<DossierStatus, DossierStatus> EveryPair()
    {
        var data = new TheoryData<DossierStatus, DossierStatus>();
        foreach (var from in Enum.GetValues<DossierStatus>())
        {
            foreach (var to in Enum.GetValues<DossierStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void A_move_is_allowed_exactly_when_the_table_says(DossierStatus from, DossierStatus to)
    {
        var open = from is not (DossierStatus.Withdrawn or DossierStatus.Closed);
        var expected = open && (Legal.Contains((from, to)) || to is DossierStatus.Withdrawn or DossierStatus.Closed);

        Assert.Equal(expected, DossierLifeCycle.CanMove(from, to));
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void A_dossier_logs_every_legal_move_and_refuses_the_others_in_French(DossierStatus from, DossierStatus to)
    {
        var dossier = DossierIn(from);
        var logged = dossier.Transitions.Count;
        var at = DateTimeOffset.UtcNow;

        var refusal = dossier.Move(to, Pilot, "motif", at);

        if (DossierLifeCycle.CanMove(from, to))
        {
            Assert.Null(refusal);
            Assert.Equal(to, dossier.Status);
            var transition = dossier.Transitions[^1];
            Assert.Equal(logged + 1, dossier.Transitions.Count);
            Assert.Equal((from, to, "Paule Pilote", "motif", at), (transition.From!.Value, transition.To, transition.ByName, transition.Reason, transition.At));
        }
        else
        {
            Assert.NotNull(refusal);
            Assert.Contains($"« {DossierLifeCycle.Label(from)} »", refusal);
            Assert.Equal(from, dossier.Status);
            Assert.Equal(logged, dossier.Transitions.Count);
        }
    }

    [Fact]
    public void Every_status_has_a_distinct_code_that_reads_back()
    {
        var statuses = Enum.GetValues<DossierStatus>();

        Assert.Equal(statuses.Length, statuses.Select(DossierLifeCycle.Code).Distinct().Count());
        Assert.All(statuses, s => Assert.Equal(s, DossierLifeCycle.FromCode(DossierLifeCycle.Code(s))));
        Assert.Null(DossierLifeCycle.FromCode("publie"));
    }

    /// <summary>A dossier brought to <paramref name="status"/> through legal moves.</summary>
    private static Dossier DossierIn(DossierStatus status)
    {
        var (content, _) = DossierRules.Validate(SampleDossiers.Valid(), DateTimeOffset.UtcNow);
        var dossier = Dossier.Submit(content!, CandidateForm.Alsace, new DossierPartner { OrganisationId = Guid.NewGuid() }, Pilot, DateTimeOffset.UtcNow);
        DossierStatus[] path = status switch
        {
            DossierStatus.Submitted => [],
            DossierStatus.InAnalysis => [DossierStatus.InAnalysis],
            DossierStatus.AdviceInterviewPlanned => [DossierStatus.InAnalysis, DossierStatus.AdviceInterviewPlanned],
            DossierStatus.Employable => [DossierStatus.InAnalysis, DossierStatus.AdviceInterviewPlanned, DossierStatus.Employable],
            DossierStatus.AccompanimentPlanNeeded => [DossierStatus.InAnalysis, DossierStatus.AdviceInterviewPlanned, DossierStatus.AccompanimentPlanNeeded],
            DossierStatus.NotRetained => [DossierStatus.InAnalysis, DossierStatus.NotRetained],
            DossierStatus.Withdrawn => [DossierStatus.Withdrawn],
            DossierStatus.Published => [DossierStatus.InAnalysis, DossierStatus.AdviceInterviewPlanned, DossierStatus.Employable, DossierStatus.Published],
            DossierStatus.InRecruitment => [DossierStatus.InAnalysis, DossierStatus.AdviceInterviewPlanned, DossierStatus.Employable, DossierStatus.Published, DossierStatus.InRecruitment],
            DossierStatus.Hired => [DossierStatus.InAnalysis, DossierStatus.AdviceInterviewPlanned, DossierStatus.Employable, DossierStatus.Published, DossierStatus.Hired],
            DossierStatus.WithdrawnFromPool => [DossierStatus.InAnalysis, DossierStatus.AdviceInterviewPlanned, DossierStatus.Employable, DossierStatus.Published, DossierStatus.WithdrawnFromPool],
            _ => [DossierStatus.Closed],
        };
        foreach (var step in path)
        {
            Assert.Null(dossier.Move(step, Pilot, null, DateTimeOffset.UtcNow));
        }

        return dossier;
    }
}
