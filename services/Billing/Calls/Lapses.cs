using Microsoft.EntityFrameworkCore;
using Nege.Billing.Members;
using Nege.Contracts.Billing;
using Nege.Contracts.Membership;
using Nege.ServiceDefaults.Messaging;

namespace Nege.Billing.Calls;

/// <summary>A membership lapses for one unpaid call, and comes back when that call is paid or cancelled.</summary>
public static class Lapses
{
    public static void Lapse(BillingDbContext db, BillingMember member, FeeCall call, DateTimeOffset now)
    {
        call.Lapsed();
        if (member.LapsedAt is not null)
        {
            return;
        }

        member.LapsedAt = now;
        db.AddToOutbox(new MembershipLapsed(member.OrganisationId, member.Name, Referent(member), call.Number, call.OutstandingCents, now), now);
    }

    /// <summary>After a payment or a cancellation: once no call that caused the lapse stays open, the member is current again.</summary>
    public static async Task ReinstateIfSettledAsync(BillingDbContext db, BillingMember member, FeeCall settled, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (member.LapsedAt is null || !settled.CausedLapse || settled.IsOpen)
        {
            return;
        }

        var stillUnpaid = await db.FeeCalls.AnyAsync(c => c.OrganisationId == member.OrganisationId && c.Id != settled.Id && c.CausedLapse
                                               && (c.Status == FeeCallStatus.Issued || c.Status == FeeCallStatus.PartiallyPaid), cancellationToken);
        if (stillUnpaid)
        {
            return;
        }

        member.LapsedAt = null;
        db.AddToOutbox(new MembershipReinstated(member.OrganisationId, member.Name, Referent(member), settled.Number, now), now);
    }

    public static PersonReference Referent(BillingMember member) => new(member.ReferentAccountId, member.ReferentName, member.ReferentEmail);
}
