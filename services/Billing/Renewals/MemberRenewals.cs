using Microsoft.EntityFrameworkCore;
using Nege.Billing.Calls;
using Nege.Billing.Members;
using Nege.Contracts.Billing;
using Nege.Contracts.Membership;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Messaging;

namespace Nege.Billing.Renewals;

/// <summary>A member's place in the renewals: its next call's year, and the headcounts its referent declares for it.</summary>
public static class MemberRenewals
{
    /// <summary>The renewal the member's next call belongs to: the upcoming one, or the following year's once it is called for that one.</summary>
    public static async Task<RenewalCalendar> NextCallAsync(BillingDbContext db, BillingMember member, DateOnly today, FeeCallOptions options, CancellationToken cancellationToken)
    {
        var calendar = RenewalCalendar.Upcoming(options, today);
        var calledYears = await db.FeeCalls.Where(c => c.OrganisationId == member.OrganisationId && c.Year >= calendar.Year)
            .Select(c => c.Year).Distinct().ToListAsync(cancellationToken);
        while (calledYears.Contains(calendar.Year))
        {
            calendar = RenewalCalendar.For(options, calendar.Year + 1);
        }

        return calendar;
    }

    /// <summary>
    /// The referent's figures become the member's: the next call uses them. Once that call's campaign has begun, the
    /// declaration is recorded on its renewal (its reminder is not sent). The caller saves.
    /// </summary>
    /// <returns>The year of the renewal declared for, when its campaign has begun.</returns>
    public static async Task<int?> DeclareAsync(BillingDbContext db, BillingMember member, MembershipPerimeter perimeter, string by, DateTimeOffset now,
        FeeCallOptions options, CancellationToken cancellationToken)
    {
        (member.PerimeterAlsace, member.PerimeterChampagneArdenne, member.PerimeterLorraine) = (perimeter.Alsace, perimeter.ChampagneArdenne, perimeter.Lorraine);
        var calendar = await NextCallAsync(db, member, ParisTime.DateOf(now), options, cancellationToken);
        int? campaignYear = null;
        if (ParisTime.DateOf(now) >= calendar.RequestOn)
        {
            var renewal = await db.Renewals.SingleOrDefaultAsync(r => r.OrganisationId == member.OrganisationId && r.Year == calendar.Year, cancellationToken)
                          ?? db.Renewals.Add(new Renewal { OrganisationId = member.OrganisationId, Year = calendar.Year }).Entity;
            renewal.Declared(perimeter, by, now);
            campaignYear = calendar.Year;
        }

        db.AddToOutbox(new PerimeterDeclared(member.OrganisationId, perimeter, campaignYear, by, now), now);
        return campaignYear;
    }
}
