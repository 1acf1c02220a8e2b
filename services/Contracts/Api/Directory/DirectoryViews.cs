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
