using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.ServiceDefaults.Security;
using Nege.Site.Identity;

namespace Nege.Site.Pages.EspaceMembre;

/// <summary>The member area: what each of the person's roles gives access to.</summary>
public sealed class IndexModel : PageModel
{
    /// <summary>What the other roles will have, not yet built.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> UpcomingByRole = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [NegeRoles.Board] = ["Demandes d'adhésion"],
        [NegeRoles.Treasurer] = ["Cotisations"],
        [NegeRoles.Referent] = ["Fiche de l'organisme", "Collaborateurs"],
        [NegeRoles.Recruiter] = ["Vivier de talents"],
        [NegeRoles.EmploymentPartner] = ["Dossiers de candidats"],
        [NegeRoles.Commission] = ["Qualification des candidats"],
        [NegeRoles.Candidate] = ["Mon dossier"],
        [NegeRoles.Editor] = ["Actualités"],
    };

    public bool IsAdmin { get; private set; }

    public IReadOnlyList<KeyValuePair<string, string[]>> Upcoming { get; private set; } = [];

    public void OnGet()
    {
        var roles = SiteAuthentication.RolesOf(User);
        IsAdmin = roles.Contains(NegeRoles.Admin);
        Upcoming = [.. NegeRoles.All
            .Where(role => roles.Contains(role) && UpcomingByRole.ContainsKey(role))
            .Select(role => KeyValuePair.Create(role, UpcomingByRole[role]))];
    }
}
