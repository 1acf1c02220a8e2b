using Nege.Membership.Applications;

namespace Membership.Tests;

/// <summary>An application's own rules: the draft's key, the submission's 15-day target, the decision.</summary>
public sealed class MembershipApplicationTests
{
    // 23:30 UTC on 3 November is already 4 November in Paris.
    private static readonly DateTimeOffset LateEvening = new(2026, 11, 3, 23, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_draft_opens_with_its_key_only_and_stores_only_its_hash()
    {
        var (draft, key) = MembershipApplication.NewDraft(Guid.NewGuid(), LateEvening);

        Assert.Equal(ApplicationStatus.Draft, draft.Status);
        Assert.DoesNotContain(key, draft.KeyHash, StringComparison.Ordinal);
        Assert.True(draft.OpensWith(key));
        Assert.True(draft.OpensWith($" {key} "));
        Assert.False(draft.OpensWith(key + "x"));
        Assert.False(draft.OpensWith(MembershipApplication.NewDraft(Guid.NewGuid(), LateEvening).Key));
    }

    [Fact]
    public void A_submission_is_due_15_days_after_its_day_in_Paris_and_reserves_the_name()
    {
        var (application, _) = MembershipApplication.NewDraft(Guid.NewGuid(), LateEvening.AddDays(-1));
        application.Organisation = OrganisationDraft.Empty with { Name = " Numérique & Co " };

        application.Submit(LateEvening);

        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal(LateEvening, application.SubmittedAt);
        Assert.Equal(new DateOnly(2026, 11, 19), application.DecisionDueOn);
        Assert.Equal("NUMÉRIQUE & CO", application.NormalizedOrganisationName);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_decision_releases_the_name_and_only_a_refusal_is_to_be_erased(bool accepted)
    {
        var (application, _) = MembershipApplication.NewDraft(Guid.NewGuid(), LateEvening.AddDays(-1));
        application.Organisation = OrganisationDraft.Empty with { Name = "Numérique & Co" };
        application.Submit(LateEvening);
        var decidedAt = LateEvening.AddDays(10);

        application.Decide(accepted, new DateOnly(2026, 11, 12), "  ", Guid.NewGuid(), "Pierre Président", decidedAt, TimeSpan.FromDays(90));

        Assert.Equal(accepted ? ApplicationStatus.Accepted : ApplicationStatus.Refused, application.Status);
        Assert.Null(application.NormalizedOrganisationName);
        Assert.Null(application.DecisionReason);
        Assert.Equal("Pierre Président", application.DecidedByName);
        Assert.Equal(accepted ? null : decidedAt.AddDays(90), application.EraseAfter);
    }
}
