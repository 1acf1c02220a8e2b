using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nege.Contracts.Api.Membership;

namespace Nege.Site.Membership;

/// <summary>A member organisation's card, as the directory shows it (<c>GET /api/membership/organisations/mine</c>).</summary>
public sealed record OrganisationCard(
    [property: JsonConverter(typeof(IdConverter))] string Id,
    string Name,
    string? Category,
    string? RegionalHeadOffice,
    bool HasLogo,
    string? Presentation,
    string? Website,
    string? CompanyType,
    IReadOnlyList<string> MainActivities,
    IReadOnlyList<string> SiteDepartements,
    IReadOnlyList<string> InterventionDepartements,
    PersonChoice? HrContact,
    DateTimeOffset? MemberSince)
{
    /// <summary>The web site as a link only when it is an http(s) address.</summary>
    public Uri? WebsiteLink =>
        Uri.TryCreate(Website, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;
}

/// <summary>The body of <c>PUT /api/membership/organisations/mine</c>; a null logo keeps the current one.</summary>
public sealed record OrganisationCardUpdate(
    string Name,
    string RegionalHeadOffice,
    string? Logo,
    string? Presentation,
    string? Website,
    IReadOnlyList<string> MainActivities,
    IReadOnlyList<string> SiteDepartements,
    IReadOnlyList<string> InterventionDepartements,
    string? HrContactUserName);

/// <summary>A person of the referent's organisation with access to the extranet.</summary>
public sealed record Colleague(
    [property: JsonConverter(typeof(IdConverter))] string AccountId,
    string UserName,
    string Email,
    string? Civility,
    string? LastName,
    string? FirstName,
    string? Function,
    IReadOnlyList<string> Roles,
    bool InvitationPending,
    bool IsReferent)
{
    public string FullName => $"{FirstName} {LastName}".Trim();
}

public sealed record NewColleague(string Email, string UserName, string Civility, string LastName, string FirstName, string? Function);

/// <summary>The news categories a person is e-mailed about (<c>/api/membership/me/notification-preferences</c>).</summary>
public sealed record NotificationPreferences(IReadOnlyList<string> Categories);
