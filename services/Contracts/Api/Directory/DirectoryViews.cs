namespace Nege.Contracts.Api.Directory;

/// <summary>A member organisation in the directory's results.</summary>
/// <param name="Departements">Where it has sites and where it works, each département once, in the seed's order.</param>
/// <param name="LogoUrl">Its logo, resized, when it has one (cacheable, with an ETag).</param>
public sealed record DirectoryEntryView(
    Guid Id,
    string Name,
    string Category,
    string? CompanyType,
    string? RegionalHeadOffice,
    IReadOnlyList<string> MainActivities,
    IReadOnlyList<string> Departements,
    string? LogoUrl);

/// <summary>An organisation's page in the directory. Its HR contact's address is never in it: visitors write through the site.</summary>
public sealed record DirectoryOrganisationView(
    Guid Id,
    string Name,
    string Category,
    string? CompanyType,
    string? RegionalHeadOffice,
    string? PresentationHtml,
    string? Website,
    IReadOnlyList<string> MainActivities,
    IReadOnlyList<string> SiteDepartements,
    IReadOnlyList<string> InterventionDepartements,
    string? LogoUrl,
    bool CanBeWritten,
    DateTimeOffset MemberSince);

/// <summary>
/// « Écrire au responsable RH », sent as <c>multipart/form-data</c> to <c>POST /api/directory/organisations/{id}/messages</c>:
/// the fields <c>name</c>, <c>email</c>, <c>subject</c>, <c>message</c>, an optional file <c>cv</c> (PDF, DOC, DOCX or ODT,
/// 5 MB at most, checked by content) and <c>website</c>, a honeypot a person leaves empty. 202 with this answer; 400 with
/// per-field messages; 404 for an organisation not in the directory; 409 for the same message already sent today;
/// 429 (« Trop de messages… », <c>Retry-After</c>) per sender address, per company and per client address.
/// </summary>
public sealed record ContactMessageAccepted(Guid Id, string OrganisationName);
