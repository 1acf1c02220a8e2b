using MassTransit;
using Microsoft.EntityFrameworkCore;
using Nege.Billing.Calls;
using Nege.Contracts.Membership;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Messaging;

namespace Nege.Billing.Members;

/// <summary>
/// The board admitted an organisation: it becomes a member Billing calls, and its first fee call is issued at once —
/// for the current year, or for the next one when it joins in the last months of the year (<see cref="FeeCallOptions.AdmissionYear"/>).
/// </summary>
public sealed class MembershipApprovedConsumer(BillingDbContext db, TimeProvider clock, FeeCallIssuer issuer, ILogger<MembershipApprovedConsumer> logger)
    : IdempotentConsumer<MembershipApproved, BillingDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<MembershipApproved> context, CancellationToken cancellationToken)
    {
        var approved = context.Message;
        var member = await Db.Members.SingleOrDefaultAsync(m => m.OrganisationId == approved.OrganisationId, cancellationToken);
        if (member is null)
        {
            member = BillingMember.From(approved);
            Db.Members.Add(member);
        }

        var year = issuer.Options.AdmissionYear(ParisTime.DateOf(approved.ApprovedAt));
        if (await FeeCallIssuer.OpenCallAsync(Db, member.OrganisationId, year, cancellationToken) is not null)
        {
            return;
        }

        var call = await issuer.IssueAsync(Db, member, year, FeeCallReason.Admission, cancellationToken);
        logger.LogInformation("Fee call {Number} issued to {Organisation} for {Year}: {Amount} cents", call.Number, member.Name, year, call.AmountCents);
    }
}
