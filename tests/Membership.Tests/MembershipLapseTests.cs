using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nege.Contracts.Billing;
using Nege.Contracts.Membership;
using Nege.Testing;

namespace Membership.Tests;

/// <summary>Billing's lapse of a membership for an unpaid fee, and its reinstatement, as Membership records them.</summary>
[Collection(MembershipCollection.Name)]
public sealed class MembershipLapseTests(MembershipService service)
{
    [Fact]
    public async Task An_organisation_is_lapsed_by_an_unpaid_fee_and_current_again_once_paid()
    {
        using var admin = service.CreateClient(service.Tokens.ForAdmin());
        var organisationId = await ApplicationDraftsTests.CreateOrganisationAsync(admin, $"Retard {Applicants.NewSuffix()}", "Entreprise");
        var bus = service.Factory.Services.GetRequiredService<IBus>();
        var referent = new PersonReference(Guid.NewGuid(), "Claire Référente", "claire@example.org");
        var lapsedAt = DateTimeOffset.UtcNow.AddMinutes(-5);

        await bus.Publish(new MembershipLapsed(organisationId, "Retard", referent, "2026-0012", 672_00, lapsedAt));
        await Eventually.UntilAsync(() => service.QueryAsync(db => db.Organisations.AnyAsync(o => o.Id == organisationId && o.LapsedAt != null)),
            TimeSpan.FromSeconds(30), "the organisation is marked lapsed");

        await bus.Publish(new MembershipReinstated(organisationId, "Retard", referent, "2026-0012", DateTimeOffset.UtcNow));
        await Eventually.UntilAsync(() => service.QueryAsync(db => db.Organisations.AnyAsync(o => o.Id == organisationId && o.LapsedAt == null)),
            TimeSpan.FromSeconds(30), "the organisation is current again");
    }
}
