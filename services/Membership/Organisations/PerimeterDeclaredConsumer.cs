using MassTransit;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Billing;
using Nege.ServiceDefaults.Messaging;

namespace Nege.Membership.Organisations;

/// <summary>The referent declared the perimeter's headcounts to Billing: the organisation's record takes the same figures.</summary>
public sealed class PerimeterDeclaredConsumer(MembershipDbContext db, TimeProvider clock, ILogger<PerimeterDeclaredConsumer> logger)
    : IdempotentConsumer<PerimeterDeclared, MembershipDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<PerimeterDeclared> context, CancellationToken cancellationToken)
    {
        var declared = context.Message;
        var organisation = await Db.Organisations.SingleOrDefaultAsync(o => o.Id == declared.OrganisationId, cancellationToken);
        if (organisation is null)
        {
            logger.LogWarning("Perimeter declared for unknown organisation {OrganisationId}; ignored", declared.OrganisationId);
            return;
        }

        (organisation.PerimeterAlsace, organisation.PerimeterChampagneArdenne, organisation.PerimeterLorraine) =
            (declared.Perimeter.Alsace, declared.Perimeter.ChampagneArdenne, declared.Perimeter.Lorraine);
    }
}
