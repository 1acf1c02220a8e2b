namespace Nege.ServiceDefaults.Security;

/// <summary>The roles of DESIGN.md, as they appear in tokens (<c>role</c> claims), with their French labels.</summary>
public static class NegeRoles
{
    public const string Admin = "admin";
    public const string Board = "board";
    public const string Treasurer = "treasurer";
    public const string Referent = "referent";
    public const string Recruiter = "recruiter";
    public const string EmploymentPartner = "employment_partner";
    public const string Commission = "commission";
    public const string Candidate = "candidate";
    public const string Editor = "editor";

    /// <summary>The data-protection officer (« délégué à la protection des données »): reads the audit log of personal data.</summary>
    public const string Dpo = "dpo";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Admin] = "Administrateur",
        [Board] = "Président et Conseil d'Administration",
        [Treasurer] = "Trésorier",
        [Referent] = "Référent de l'organisme",
        [Recruiter] = "Recruteur",
        [EmploymentPartner] = "Partenaire emploi",
        [Commission] = "Membre de commission",
        [Candidate] = "Candidat",
        [Editor] = "Rédacteur",
        [Dpo] = "Délégué à la protection des données",
    };

    public static IReadOnlyList<string> All { get; } = [.. Labels.Keys];

    public static bool IsKnown(string role) => Labels.ContainsKey(role);
}

/// <summary>Scopes a partner API client may be granted.</summary>
public static class NegeScopes
{
    public const string CandidatesRead = "candidates.read";
    public const string CandidatesWrite = "candidates.write";

    public static IReadOnlyList<string> Partner { get; } = [CandidatesRead, CandidatesWrite];
}

/// <summary>The claims NEGE puts in its access tokens and reads back in every service.</summary>
public static class NegeClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Email = "email";
    public const string Role = "role";
    public const string Scope = "scope";
    public const string ClientId = "client_id";
    public const string OrganisationId = "organisation_id";

    /// <summary><c>person</c> for a person's token (authorization code), <c>partner_client</c> for a partner system's (client credentials).</summary>
    public const string CallerType = "caller_type";

    public const string Person = "person";
    public const string PartnerClient = "partner_client";
}
