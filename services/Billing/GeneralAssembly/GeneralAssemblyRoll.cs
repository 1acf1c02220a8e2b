using Microsoft.EntityFrameworkCore;
using Nege.Billing.Calls;
using Nege.Billing.Grids;
using Nege.Contracts.Api.Billing;
using Nege.Contracts.Membership;

namespace Nege.Billing.GeneralAssembly;

/// <summary>
/// The votes' scale (<c>Billing__GeneralAssembly__Scale__0__FromHeadcount</c>, <c>…__Votes</c>). By default one vote per band
/// of the fee grid: 1 below 10 staff on the perimeter, then one more at 10, 25, 51, 101, 251, 501 and 1001 (8 at most).
/// The seed gives members « un nombre de voix en fonction du nombre de leurs collaborateurs pour les territoires du périmètre
/// de leur adhésion »: the bands are the ones they already know and pay by, and votes grow with the size far slower than
/// staff do, so a large member weighs more without outvoting the small ones together.
/// </summary>
public sealed class GeneralAssemblyOptions
{
    public List<VoteBandView> Scale { get; set; } = [];

    public IReadOnlyList<VoteBandView> EffectiveScale => Scale.Count > 0
        ? [.. Scale.OrderBy(b => b.FromHeadcount)]
        : [new(0, 1), new(10, 2), new(25, 3), new(51, 4), new(101, 5), new(251, 6), new(501, 7), new(1001, 8)];

    public int VotesFor(int headcount) => EffectiveScale.Where(b => headcount >= b.FromHeadcount).Select(b => b.Votes).LastOrDefault(1);
}

/// <summary>Who votes at an assembly, and with how many votes.</summary>
public static class GeneralAssemblyRoll
{
    /// <summary>The colleges that vote (seed 000, « Participer à la vie de l'association »).</summary>
    public static readonly IReadOnlyList<string> VotingCategories = ["Entreprise", MembershipForm.ProfessionalOrganisation];

    /// <summary>
    /// Up to date on the assembly's day: its call for that year paid (or, before that year's calls are issued, the previous
    /// year's), no call left unpaid past its due date, and not lapsed.
    /// </summary>
    public static async Task<GeneralAssemblyRollView> ComputeAsync(BillingDbContext db, DateOnly date, GeneralAssemblyOptions options, CancellationToken cancellationToken)
    {
        var members = await db.Members.AsNoTracking().Where(m => VotingCategories.Contains(m.Category)).OrderBy(m => m.Name).ToListAsync(cancellationToken);
        var ids = members.Select(m => m.OrganisationId).ToList();
        var calls = (await db.FeeCalls.AsNoTracking()
                .Where(c => ids.Contains(c.OrganisationId) && c.Status != FeeCallStatus.Cancelled && c.Year <= date.Year)
                .Select(c => new { c.OrganisationId, c.Year, c.Number, c.Status, c.DueOn })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.OrganisationId);

        var voters = new List<VoterView>();
        var notUpToDate = 0;
        foreach (var member in members)
        {
            var own = calls[member.OrganisationId].ToList();
            var overdue = own.Any(c => c.Status != FeeCallStatus.Paid && c.DueOn < date);
            var thisYear = own.Where(c => c.Year == date.Year).ToList();
            var reference = thisYear.Count > 0 ? thisYear : own.Where(c => c.Year == date.Year - 1).ToList();
            var paid = reference.FirstOrDefault(c => c.Status == FeeCallStatus.Paid);
            if (member.LapsedAt is not null || overdue || paid is null)
            {
                notUpToDate++;
                continue;
            }

            var headcount = member.Perimeter.Total;
            voters.Add(new VoterView(member.OrganisationId, member.Name, member.Category, headcount, member.Territories, options.VotesFor(headcount), paid.Number));
        }

        return new GeneralAssemblyRollView(date, voters, voters.Sum(v => v.Votes), options.EffectiveScale, notUpToDate);
    }
}
