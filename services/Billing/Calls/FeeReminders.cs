using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nege.Contracts.Billing;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Messaging;

namespace Nege.Billing.Calls;

/// <summary>When unpaid calls are reminded and when the membership lapses (<c>Billing__Reminders__…</c>).</summary>
public sealed class ReminderOptions
{
    /// <summary>Days after the due date of each reminder, in order.</summary>
    public List<int> DelaysDays { get; set; } = [];

    /// <summary>Days after the last reminder without payment before the membership lapses: the last reminder gives this notice.</summary>
    public int LapseAfterLastDays { get; set; } = 15;

    public TimeSpan RunEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>D+30 and D+60 when nothing is configured (a configured list replaces it rather than adding to it).</summary>
    public IReadOnlyList<int> Delays => DelaysDays.Count > 0 ? DelaysDays : [30, 60];

    public DateOnly LapsesOn(DateOnly dueOn) => dueOn.AddDays(Delays[^1] + LapseAfterLastDays);
}

/// <summary>
/// Reminds the referents of unpaid fee calls at each delay after the due date, then lapses the membership of those still
/// unpaid after the last one. Runs on one replica at a time; the clock is <see cref="TimeProvider"/>'s.
/// </summary>
public sealed class FeeReminders(IServiceScopeFactory scopes, TimeProvider clock, ILogger<FeeReminders> logger, IOptions<ReminderOptions> options, BillingLinks links)
    : ScheduledJob<BillingDbContext>(scopes, clock, logger)
{
    private const int Batch = 200;

    protected override TimeSpan Interval => options.Value.RunEvery;

    protected override async Task RunAsync(BillingDbContext db, IServiceProvider services, CancellationToken cancellationToken)
    {
        var today = Clock.TodayInParis();
        var delays = options.Value.Delays;
        var firstDue = today.AddDays(-delays[0]);
        var late = await db.FeeCalls
            .Where(c => (c.Status == FeeCallStatus.Issued || c.Status == FeeCallStatus.PartiallyPaid) && !c.CausedLapse && c.DueOn <= firstDue)
            .OrderBy(c => c.DueOn).ThenBy(c => c.Number).Take(Batch).ToListAsync(cancellationToken);
        var now = Clock.GetUtcNowForDatabase();
        int reminded = 0, lapsed = 0;
        foreach (var call in late)
        {
            var member = await db.Members.SingleAsync(m => m.OrganisationId == call.OrganisationId, cancellationToken);

            // The latest reminder due; one missed while the job was down is not sent late on top of it.
            var due = delays.Count(days => today >= call.DueOn.AddDays(days));
            if (due > call.RemindersSent)
            {
                call.RemindedUpTo(due);

                db.AddToOutbox(new FeeReminderDue(call.Id, call.Number, call.Year, call.OrganisationId, call.OrganisationName, Lapses.Referent(member),
                    due, due == delays.Count, call.OutstandingCents, call.DueOn, options.Value.LapsesOn(call.DueOn),
                    new Document(FeeCall.FileName(call.Number), "application/pdf", call.Pdf), now)
                {
                    ExtranetLink = links.MemberCalls,
                }, now);
                reminded++;
            }
            else if (call.RemindersSent == delays.Count && today >= options.Value.LapsesOn(call.DueOn))
            {
                Lapses.Lapse(db, member, call, now);
                lapsed++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (reminded + lapsed > 0)
        {
            Logger.LogInformation("Fee calls: {Reminded} reminders, {Lapsed} memberships lapsed", reminded, lapsed);
        }
    }
}
