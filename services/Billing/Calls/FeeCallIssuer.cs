using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nege.Billing.Grids;
using Nege.Billing.Members;
using Nege.Contracts.Billing;
using Nege.Contracts.Membership;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Messaging;

namespace Nege.Billing.Calls;

/// <summary>
/// Issues a member's fee call for a year: computed with the grid in force (which is then frozen), numbered, its PDF
/// written once, and <see cref="FeeCallIssued"/> in the outbox, all in the caller's transaction.
/// </summary>
public sealed class FeeCallIssuer(TimeProvider clock, IOptions<FeeCallOptions> options, IOptions<AssociationIdentity> association, BillingLinks links)
{
    public FeeCallOptions Options => options.Value;

    /// <summary>The member's call for the year that is not cancelled, if there is one: a member is called once a year.</summary>
    public static Task<FeeCall?> OpenCallAsync(BillingDbContext db, Guid organisationId, int year, CancellationToken cancellationToken) =>
        db.FeeCalls.Where(c => c.OrganisationId == organisationId && c.Year == year && c.Status != FeeCallStatus.Cancelled).FirstOrDefaultAsync(cancellationToken);

    public async Task<FeeCall> IssueAsync(BillingDbContext db, BillingMember member, int year, FeeCallReason reason, CancellationToken cancellationToken)
    {
        var grid = await db.InForceAsync(year, cancellationToken)
                   ?? throw new InvalidOperationException($"No fee grid is in force in {year}.");
        var computation = FeeRules.Compute(year, grid.Year, grid.Content, member.FeeSubject);

        // The number first: from here the counter is locked until commit, so the instant below follows the previous call's.
        var sequence = await DocumentNumbers.NextAsync(db, DocumentNumbers.FeeCalls, year, cancellationToken);
        var now = clock.GetUtcNowForDatabase();
        grid.MarkUsed(now);
        var call = FeeCall.Issue(NewId.NextSequentialGuid(), DocumentNumbers.FeeCallNumber(year, sequence), year, member, reason, computation, now,
            ParisTime.DateOf(now).AddDays(options.Value.PaymentTermDays));
        call.Freeze(BillingDocuments.FeeCallPdf(association.Value, call, member.RegionalHeadOffice));
        db.FeeCalls.Add(call);
        db.AddToOutbox(new FeeCallIssued(call.Id, call.Number, year, member.OrganisationId, member.Name,
            new PersonReference(member.ReferentAccountId, member.ReferentName, member.ReferentEmail),
            call.AmountCents, call.DueOn, new Document(FeeCall.FileName(call.Number), "application/pdf", call.Pdf), now)
        {
            ExtranetLink = links.MemberCalls,
        }, now);
        return call;
    }
}
