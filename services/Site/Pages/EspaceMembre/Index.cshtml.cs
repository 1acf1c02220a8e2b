using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.ServiceDefaults.Security;
using Nege.Site.Candidats;
using Nege.Site.Cotisations;
using Nege.Site.Identity;

namespace Nege.Site.Pages.EspaceMembre;

/// <summary>The member area: what each of the person's roles gives access to.</summary>
public sealed class IndexModel : PageModel
{
    private static readonly MemberAreaEntry Applications = new("Demandes d'adhésion", "/espace-membre/adhesions");

    private static readonly MemberAreaEntry WorkQueue = new("File de travail", "/espace-membre/commission");

    private static readonly MemberAreaEntry CandidatesRequests = new("Demandes des candidats", Commission.DemandesModel.Path);

    private static readonly MemberAreaEntry TalentPool = new("Vivier des candidats", TalentPoolDisplay.SearchPath);

    private static readonly MemberAreaEntry PersonalDataAudit = new("Journal des consultations des données personnelles", PersonalDataAuditDisplay.Path);

    private static readonly MemberAreaEntry ErasedDossiersStatistics = new("Statistiques des dossiers effacés", CandidateStatisticsDisplay.Path);

    private static readonly MemberAreaEntry FeeCalls = new("Appels de cotisation", BillingDisplay.CallsPath);

    private static readonly MemberAreaEntry News = new("Actualités", Nege.Site.Actualites.NewsDisplay.EditorPath);

    /// <summary>What the roles give access to now.</summary>
    public static readonly IReadOnlyDictionary<string, MemberAreaEntry[]> EntriesByRole = new Dictionary<string, MemberAreaEntry[]>(StringComparer.Ordinal)
    {
        [NegeRoles.Admin] =
        [
            new("Comptes", "/espace-membre/admin/comptes"),
            new("Organismes", "/espace-membre/admin/organismes"),
            new("Clients API des partenaires", "/espace-membre/admin/clients-partenaires"),
            Applications,
            new("Commissions", "/espace-membre/admin/commissions"),
            new("File de travail des commissions", WorkQueue.Href),
            CandidatesRequests,
            PersonalDataAudit,
            ErasedDossiersStatistics,
            FeeCalls,
            News,
        ],
        [NegeRoles.Board] = [Applications, ErasedDossiersStatistics, FeeCalls],
        [NegeRoles.Treasurer] = [FeeCalls],
        [NegeRoles.Commission] = [WorkQueue, CandidatesRequests],
        [NegeRoles.EmploymentPartner] = [new("Dossiers de candidats", "/espace-membre/dossiers")],
        [NegeRoles.Referent] =
        [
            new("Fiche de l'organisme", "/espace-membre/organisme"),
            new("Collaborateurs", "/espace-membre/organisme/collaborateurs"),
            TalentPool,
            new("Mes cotisations", BillingDisplay.MyCallsPath),
            new("Effectifs du périmètre", BillingDisplay.MyPerimeterPath),
        ],
        [NegeRoles.Recruiter] = [TalentPool],
        [NegeRoles.Dpo] = [PersonalDataAudit, ErasedDossiersStatistics],
        [NegeRoles.Editor] = [News],
    };

    /// <summary>What the other roles will have, not yet built.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> UpcomingByRole = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
    };

    public IReadOnlyList<RoleSection> Sections { get; private set; } = [];

    public void OnGet()
    {
        var roles = SiteAuthentication.RolesOf(User);
        Sections = [.. NegeRoles.All
            .Where(role => roles.Contains(role) && (EntriesByRole.ContainsKey(role) || UpcomingByRole.ContainsKey(role)))
            .Select(role => new RoleSection(
                NegeRoles.Labels[role],
                EntriesByRole.GetValueOrDefault(role) ?? [],
                UpcomingByRole.GetValueOrDefault(role) ?? []))];
    }

    public sealed record MemberAreaEntry(string Label, string Href);

    public sealed record RoleSection(string Title, IReadOnlyList<MemberAreaEntry> Entries, IReadOnlyList<string> Upcoming);
}
