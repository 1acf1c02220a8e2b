using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Nege.Candidates.Dossiers;
using Nege.ServiceDefaults.Security;

namespace Nege.Candidates.Commission;

public sealed class CommissionOptions
{
    public const string Section = "Candidates:Commission";

    /// <summary>A dossier without activity for this many days is flagged, and its pilots reminded daily.</summary>
    public int InactivityDays { get; set; } = 15;
}

/// <summary>
/// A person working on dossiers: a commission member sees the dossiers of their territories and a
/// pilot decides there; an admin sees and decides everywhere, and alone sees the dossiers outside
/// every territory (to dispatch them).
/// </summary>
public sealed record CommissionCaller(Guid AccountId, string Name, bool Admin, IReadOnlyList<TerritoryMember> Memberships)
{
    public DossierActor Actor => new(DossierActorKind.Person, AccountId.ToString(), Name);

    public IReadOnlyList<string> Territories => [.. Memberships.Select(m => m.Territory).Distinct()];

    public bool Sees(Dossier dossier) => Admin || (dossier.Territory is { } t && Territories.Contains(t));

    public bool Pilots(Dossier dossier) => Admin || Memberships.Any(m => m.Territory == dossier.Territory && m.Pilot);

    public static async Task<CommissionCaller> LoadAsync(CandidatesDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var accountId = user.CallerId() ?? Guid.Empty;
        var memberships = await db.TerritoryMembers.AsNoTracking().Where(m => m.AccountId == accountId).ToListAsync(cancellationToken);
        return new CommissionCaller(accountId, user.CallerName(), user.HasClaim(NegeClaims.Role, NegeRoles.Admin), memberships);
    }

    /// <summary>The dossiers this caller may see, as a query.</summary>
    public IQueryable<Dossier> Visible(IQueryable<Dossier> dossiers)
    {
        if (Admin)
        {
            return dossiers;
        }

        var territories = Territories;
        return dossiers.Where(d => d.Territory != null && territories.Contains(d.Territory));
    }
}
