using System.Security.Claims;

namespace Nege.ServiceDefaults.Security;

/// <summary>Who a policy is for: people logged in on the site, or partners' systems (client credentials).</summary>
public enum CallerKind
{
    Person,
    PartnerClient,
}

/// <summary>
/// A named authorisation policy, declared as data so that the endpoints' own metadata says who may
/// call them and the authorisation-matrix tests can compute the expected answer for any caller.
/// </summary>
/// <param name="Roles">The caller needs one of these roles; empty: any caller of that kind.</param>
/// <param name="Scope">The scope a partner client's token must carry, when there is one.</param>
public sealed record AccessPolicy(string Name, string Description, CallerKind Caller, IReadOnlyList<string> Roles, string? Scope = null)
{
    public bool Allows(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        var callerType = user.FindFirst(NegeClaims.CallerType)?.Value;
        var expected = Caller == CallerKind.Person ? NegeClaims.Person : NegeClaims.PartnerClient;
        if (callerType != expected)
        {
            return false;
        }

        if (Roles.Count > 0 && !Roles.Any(role => user.HasClaim(NegeClaims.Role, role)))
        {
            return false;
        }

        return Scope is null || ScopesOf(user).Contains(Scope);
    }

    /// <summary>Scopes as OpenIddict writes them: one space-separated claim or several claims.</summary>
    public static IReadOnlySet<string> ScopesOf(ClaimsPrincipal user) =>
        user.FindAll(NegeClaims.Scope)
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
}

/// <summary>Every policy of the platform, named per capability. An endpoint declares one of these or is explicitly public.</summary>
public static class AccessPolicies
{
    public static readonly AccessPolicy OwnAccount = new(
        "account.self", "Toute personne connectée (son propre compte)", CallerKind.Person, []);

    public static readonly AccessPolicy ManageAccounts = new(
        "accounts.manage", "Administrateurs : comptes, verrouillage et rôles", CallerKind.Person, [NegeRoles.Admin]);

    public static readonly AccessPolicy ManageOrganisations = new(
        "organisations.manage", "Administrateurs : organismes", CallerKind.Person, [NegeRoles.Admin]);

    public static readonly AccessPolicy ManagePartnerClients = new(
        "partner-clients.manage", "Administrateurs : clients API des partenaires emploi", CallerKind.Person, [NegeRoles.Admin]);

    public static readonly AccessPolicy Operations = new(
        "operations.read", "Administrateurs : état technique du service (messages en attente)", CallerKind.Person, [NegeRoles.Admin]);

    public static readonly AccessPolicy PartnerCandidatesRead = new(
        "partner.candidates.read", "Systèmes des partenaires emploi (portée candidates.read)", CallerKind.PartnerClient,
        [NegeRoles.EmploymentPartner], NegeScopes.CandidatesRead);

    public static readonly AccessPolicy PartnerCandidatesWrite = new(
        "partner.candidates.write", "Systèmes des partenaires emploi (portée candidates.write)", CallerKind.PartnerClient,
        [NegeRoles.EmploymentPartner], NegeScopes.CandidatesWrite);

    public static readonly AccessPolicy PartnerAdvisers = new(
        "adviser.dossiers", "Conseillers des partenaires emploi (rôle employment_partner, rattachés à leur organisme) : les dossiers de leur organisme",
        CallerKind.Person, [NegeRoles.EmploymentPartner]);

    public static readonly AccessPolicy CommissionWork = new(
        "commission.work", "Membres des commissions AAR (les dossiers de leurs territoires) et administrateurs", CallerKind.Person,
        [NegeRoles.Commission, NegeRoles.Admin]);

    public static readonly AccessPolicy ManageTerritories = new(
        "territories.manage", "Administrateurs : membres et pilotes des commissions territoriales", CallerKind.Person, [NegeRoles.Admin]);

    public static readonly AccessPolicy ReadPersonalDataAudit = new(
        "personal-data-audit.read", "Délégué à la protection des données et administrateurs : journal des consultations des données personnelles des candidats",
        CallerKind.Person, [NegeRoles.Dpo, NegeRoles.Admin]);

    public static readonly AccessPolicy CandidateStatistics = new(
        "candidate-statistics.read", "Conseil d'Administration, délégué à la protection des données et administrateurs : statistiques anonymes des dossiers effacés",
        CallerKind.Person, [NegeRoles.Board, NegeRoles.Dpo, NegeRoles.Admin]);

    public static readonly AccessPolicy DecideApplications = new(
        "applications.decide", "Président, Conseil d'Administration et administrateurs : demandes d'adhésion et décisions",
        CallerKind.Person, [NegeRoles.Board, NegeRoles.Admin]);

    public static readonly AccessPolicy OwnOrganisation = new(
        "organisation.own", "Référents d'un organisme adhérent : sa fiche et ses collaborateurs", CallerKind.Person, [NegeRoles.Referent]);

    public static readonly AccessPolicy TalentPoolSearch = new(
        "talent-pool.search", "Recruteurs et référents d'un organisme adhérent à jour de son adhésion : le vivier des candidats (fiches anonymes)",
        CallerKind.Person, [NegeRoles.Recruiter, NegeRoles.Referent]);

    public static readonly AccessPolicy ManageFeeGrids = new(
        "fee-grids.manage", "Administrateurs : grilles de cotisation (la grille d'une année, modifiable tant qu'elle n'a servi à aucun appel)",
        CallerKind.Person, [NegeRoles.Admin]);

    public static readonly AccessPolicy ReadFeeCalls = new(
        "fee-calls.read", "Trésorier, Conseil d'Administration et administrateurs : appels de cotisation, paiements et reçus de tous les adhérents",
        CallerKind.Person, [NegeRoles.Treasurer, NegeRoles.Board, NegeRoles.Admin]);

    public static readonly AccessPolicy ManageFeeCalls = new(
        "fee-calls.manage", "Trésorier et administrateurs : émettre et annuler les appels de cotisation, enregistrer les paiements",
        CallerKind.Person, [NegeRoles.Treasurer, NegeRoles.Admin]);

    public static readonly AccessPolicy OwnFeeCalls = new(
        "fee-calls.own", "Référents d'un organisme adhérent : ses appels de cotisation et ses reçus", CallerKind.Person, [NegeRoles.Referent]);

    public static readonly AccessPolicy GeneralAssemblyRoll = new(
        "general-assembly.roll", "Président, Conseil d'Administration, trésorier et administrateurs : la liste d'émargement de l'assemblée générale et les voix de chaque adhérent",
        CallerKind.Person, [NegeRoles.Board, NegeRoles.Treasurer, NegeRoles.Admin]);

    public static readonly AccessPolicy ManageNews = new(
        "news.manage", "Rédacteurs et administrateurs : écrire, prévisualiser et publier les actualités", CallerKind.Person, [NegeRoles.Editor, NegeRoles.Admin]);

    public static IReadOnlyList<AccessPolicy> All { get; } =
        [OwnAccount, ManageAccounts, ManageOrganisations, ManagePartnerClients, Operations, PartnerCandidatesRead, PartnerCandidatesWrite, PartnerAdvisers,
            CommissionWork, ManageTerritories, ReadPersonalDataAudit, CandidateStatistics, TalentPoolSearch,
            DecideApplications, OwnOrganisation, ManageFeeGrids, ReadFeeCalls, ManageFeeCalls, OwnFeeCalls, GeneralAssemblyRoll, ManageNews];
}
