using MassTransit;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Billing;
using Nege.ServiceDefaults.Messaging;

namespace Nege.Membership.Organisations;

/// <summary>Billing lapsed a membership for an unpaid fee: the organisation is marked lapsed until it pays.</summary>
public sealed class MembershipLapsedConsumer(MembershipDbContext db, TimeProvider clock, ILogger<MembershipLapsedConsumer> logger)
    : IdempotentConsumer<MembershipLapsed, MembershipDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<MembershipLapsed> context, CancellationToken cancellationToken)
    {
        var organisation = await Db.Organisations.SingleOrDefaultAsync(o => o.Id == context.Message.OrganisationId, cancellationToken);
        if (organisation is not null)
        {
            organisation.LapsedAt ??= context.Message.LapsedAt;
        }
    }
}

/// <summary>The lapsed member paid: it is a current member again.</summary>
public sealed class MembershipReinstatedConsumer(MembershipDbContext db, TimeProvider clock, ILogger<MembershipReinstatedConsumer> logger)
    : IdempotentConsumer<MembershipReinstated, MembershipDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<MembershipReinstated> context, CancellationToken cancellationToken)
    {
        var organisation = await Db.Organisations.SingleOrDefaultAsync(o => o.Id == context.Message.OrganisationId, cancellationToken);
        if (organisation?.LapsedAt is { } lapsedAt && lapsedAt <= context.Message.ReinstatedAt)
        {
            organisation.LapsedAt = null;
        }
    }
}
