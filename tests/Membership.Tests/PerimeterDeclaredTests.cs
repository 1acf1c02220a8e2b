using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nege.Contracts.Billing;
using Nege.Contracts.Membership;
using Nege.Membership.Organisations;
using Nege.ServiceDefaults.Messaging;
using Nege.Testing;

namespace Membership.Tests;

/// <summary>The headcounts a referent declares to Billing for the renewal, as Membership records them.</summary>
[Collection(MembershipCollection.Name)]
public sealed class PerimeterDeclaredTests(MembershipService service)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_organisation_takes_the_declared_headcounts()
    {
        using var admin = service.CreateClient(service.Tokens.ForAdmin());
        var organisationId = await ApplicationDraftsTests.CreateOrganisationAsync(admin, $"Effectifs {Applicants.NewSuffix()}", "Entreprise");
        var bus = service.Factory.Services.GetRequiredService<IBus>();
        var declared = new MembershipPerimeter(12, 0, 3);

        await bus.Publish(new PerimeterDeclared(organisationId, declared, 2028, "Claire Référente", DateTimeOffset.UtcNow));
        await Eventually.UntilAsync(async () => await FiguresOf(organisationId) == declared, Timeout, "the organisation has the declared figures");
    }

    [Fact]
    public async Task A_declaration_for_an_unknown_organisation_changes_nothing()
    {
        var unknownId = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        var bus = service.Factory.Services.GetRequiredService<IBus>();

        await bus.Publish(new PerimeterDeclared(unknownId, new MembershipPerimeter(4_321, 8_765, 2_109), Year: null, "Claire Référente", DateTimeOffset.UtcNow),
            context => context.MessageId = messageId);
        // The inbox row commits with the consumer's effect: once it is there, the message was handled, without a fault.
        await Eventually.UntilAsync(
            () => service.QueryAsync(db => db.Set<InboxMessage>().AnyAsync(m => m.MessageId == messageId && m.Consumer == typeof(PerimeterDeclaredConsumer).FullName)),
            Timeout, "the declaration is handled");

        Assert.False(await service.QueryAsync(db => db.Organisations.AnyAsync(o => o.Id == unknownId)));
        Assert.False(await service.QueryAsync(db => db.Organisations.AnyAsync(o => o.PerimeterAlsace == 4_321 || o.PerimeterChampagneArdenne == 8_765 || o.PerimeterLorraine == 2_109)));
    }

    private Task<MembershipPerimeter> FiguresOf(Guid organisationId) =>
        service.QueryAsync(db => db.Organisations.Where(o => o.Id == organisationId)
            .Select(o => new MembershipPerimeter(o.PerimeterAlsace, o.PerimeterChampagneArdenne, o.PerimeterLorraine)).SingleAsync());
}
