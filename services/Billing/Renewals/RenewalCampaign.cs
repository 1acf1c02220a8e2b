using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nege.Billing.Calls;
using Nege.Billing.Grids;
using Nege.Billing.Members;
using Nege.Contracts.Billing;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Messaging;

namespace Nege.Billing.Renewals;

/// <summary>
/// The yearly renewal, in three steps on the <see cref="RenewalCalendar"/>: every member is asked to confirm its
/// perimeter's headcounts, reminded at D-15 unless it answered, and on the renewal day called with the figures it
/// declared (or those it had). A member already called for the year (admitted late the year before) is left out.
/// Lapsed members are called too: a lapse suspends a membership, it does not end it. Runs hourly on one replica.
/// </summary>
public sealed class RenewalCampaign(
    IServiceScopeFactory scopes, TimeProvider clock, ILogger<RenewalCampaign> logger, IOptions<FeeCallOptions> options, FeeCallIssuer issuer, BillingLinks links)
    : ScheduledJob<BillingDbContext>(scopes, clock, logger)
{
    private const int Batch = 100;

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunAsync(BillingDbContext db, IServiceProvider services, CancellationToken cancellationToken)
    {
        var today = Clock.TodayInParis();
        var calendar = RenewalCalendar.Upcoming(options.Value, today);
        if (calendar.Requesting(today))
        {
            await RequestAsync(db, calendar, today, cancellationToken);
        }
        else if (calendar.Issuing(today))
        {
            await IssueAsync(db, calendar, cancellationToken);
        }
    }

    /// <summary>The members to renew for the calendar's year: admitted before the renewal day and not called for that year yet.</summary>
    public static IQueryable<BillingMember> ToRenew(BillingDbContext db, RenewalCalendar calendar) =>
        db.Members.Where(m => m.MemberSince < calendar.RenewalStarts && !db.FeeCalls.Any(c => c.OrganisationId == m.OrganisationId && c.Year == calendar.Year));

    private async Task RequestAsync(BillingDbContext db, RenewalCalendar calendar, DateOnly today, CancellationToken cancellationToken)
    {
        var grid = await db.InForceAsync(calendar.Year, cancellationToken);
        var now = Clock.GetUtcNowForDatabase();
        var reminding = calendar.Reminding(today);
        var reminderStarts = ParisTime.StartOf(calendar.ReminderOn);
        int requested = 0, reminded = 0;
        while (true)
        {
            var due = await ToRenew(db, calendar)
                .GroupJoin(db.Renewals.Where(r => r.Year == calendar.Year), m => m.OrganisationId, r => r.OrganisationId, (m, r) => new { Member = m, Renewal = r })
                .SelectMany(x => x.Renewal.DefaultIfEmpty(), (x, r) => new { x.Member, Renewal = r })
                .Where(x => x.Renewal == null || (x.Renewal.RequestedAt == null && x.Renewal.DeclaredAt == null)
                            || (reminding && x.Renewal.RemindedAt == null && x.Renewal.DeclaredAt == null && x.Renewal.RequestedAt < reminderStarts))
                .OrderBy(x => x.Member.OrganisationId).Take(Batch).ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                break;
            }

            foreach (var row in due)
            {
                var renewal = row.Renewal ?? db.Renewals.Add(new Renewal { OrganisationId = row.Member.OrganisationId, Year = calendar.Year }).Entity;
                var reminder = renewal.RequestedAt is not null;
                if (reminder)
                {
                    renewal.RemindedAt = now;
                    reminded++;
                }
                else
                {
                    renewal.RequestedAt = now;
                    requested++;
                }

                var estimate = grid is null ? 0 : FeeRules.Compute(calendar.Year, grid.Year, grid.Content, row.Member.FeeSubject).AmountCents;
                db.AddToOutbox(new PerimeterConfirmationRequested(row.Member.OrganisationId, row.Member.Name, Lapses.Referent(row.Member), calendar.Year,
                    calendar.RenewalOn, row.Member.Perimeter, estimate, reminder, now)
                {
                    ExtranetLink = links.Perimeter,
                }, now);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        if (requested + reminded > 0)
        {
            Logger.LogInformation("Renewal {Year}: {Requested} referents asked to confirm their headcounts, {Reminded} reminded", calendar.Year, requested, reminded);
        }
    }

    private async Task IssueAsync(BillingDbContext db, RenewalCalendar calendar, CancellationToken cancellationToken)
    {
        var issued = 0;
        while (true)
        {
            var members = await ToRenew(db, calendar).OrderBy(m => m.OrganisationId).Take(Batch).ToListAsync(cancellationToken);
            if (members.Count == 0)
            {
                break;
            }

            // One transaction per call: the number's counter is locked only while that call is written.
            foreach (var member in members)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var call = await issuer.IssueAsync(db, member, calendar.Year, FeeCallReason.Renewal, cancellationToken);
                var renewal = await db.Renewals.SingleOrDefaultAsync(r => r.OrganisationId == member.OrganisationId && r.Year == calendar.Year, cancellationToken)
                              ?? db.Renewals.Add(new Renewal { OrganisationId = member.OrganisationId, Year = calendar.Year }).Entity;
                renewal.FeeCallId = call.Id;
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                issued++;
            }

            db.ChangeTracker.Clear();
        }

        if (issued > 0)
        {
            Logger.LogInformation("Renewal {Year}: {Issued} fee calls issued", calendar.Year, issued);
        }
    }
}
