using System.Text.Json.Serialization;

namespace Nege.Contracts.Api.Membership;

// The bodies of Membership's HTTP API for membership applications, as Membership reads and writes
// them and the site sends and reads them. Ids are strings: the wire's shape, which the site keeps opaque.

/// <summary>What every form of part 1 asks about the referent, besides the account's e-mail and user name.</summary>
public interface IReferentAnswers
{
    string? Civility { get; }

    string? LastName { get; }

    string? FirstName { get; }

    string? Function { get; }

    /// <summary>Base64 of the image file; null or empty keeps the current photo.</summary>
    string? Photo { get; }

    string? MobilePhone { get; }

    string? LandlinePhone { get; }

    WorkplaceInput? Workplace { get; }

    string[]? NotificationCategories { get; }
}

public sealed record WorkplaceInput(string? SiteName, string? Zone, string? Address, string? PostalCode, string? City);

/// <summary>Part 1, « Référent de l'organisme » (POST /application-drafts): creates the referent's account and the draft.</summary>
public sealed record ReferentRequest(
    string? Email, string? UserName, string? Civility, string? LastName, string? FirstName, string? Function, string? Photo,
    string? MobilePhone, string? LandlinePhone, WorkplaceInput? Workplace, string[]? NotificationCategories, bool? Consent) : IReferentAnswers;

/// <summary>Part 1 again, on an existing draft (PUT …/referent): the e-mail and user name stay those of the account.</summary>
public sealed record ReferentUpdateRequest(
    string? Civility, string? LastName, string? FirstName, string? Function, string? Photo,
    string? MobilePhone, string? LandlinePhone, WorkplaceInput? Workplace, string[]? NotificationCategories) : IReferentAnswers;

/// <summary>Part 1 by a person already logged in (POST …/mine): their account's e-mail and user name stay as they are.</summary>
public sealed record OwnAccountReferentRequest(
    string? Civility, string? LastName, string? FirstName, string? Function, string? Photo,
    string? MobilePhone, string? LandlinePhone, WorkplaceInput? Workplace, string[]? NotificationCategories, bool? Consent) : IReferentAnswers;

public sealed record StartupInput(DateOnly? CreationDate, int? Headcount, string? TurnoverBand, bool? SyntecStartupPack);

public sealed record PerimeterInput(int? Alsace, int? ChampagneArdenne, int? Lorraine);

public sealed record CommitmentsInput(bool? Delegation, bool? Statutes);

/// <summary>Part 2, « Organisme », saved as a draft (PUT …/organisation): each answer optional; <c>Logo</c> null keeps the current one.</summary>
public sealed record OrganisationRequest(
    string? Name, string? Category, string? RegionalHeadOffice, string? Logo, string? Presentation, string? Website,
    bool? DigitalSector, string? CompanyType, string[]? MainActivities, string[]? SiteDepartements, string[]? InterventionDepartements,
    string? AffiliationOrganisationId, string? HrContactUserName, StartupInput? Startup, PerimeterInput? Perimeter, CommitmentsInput? Commitments);

/// <summary>The board's decision (POST /applications/{id}/decision): <c>accepted</c> or <c>refused</c>.</summary>
public sealed record DecisionRequest(string? Decision, DateOnly? BoardMeetingDate, string? Reason);

public sealed record WorkplaceView(string? SiteName, string Zone, string? Address, string? PostalCode, string? City);

public sealed record ReferentView(
    string AccountId, string Email, string UserName, string Civility, string LastName, string FirstName, string? Function, bool HasPhoto,
    string? MobilePhone, string? LandlinePhone, WorkplaceView Workplace, IReadOnlyList<string> NotificationCategories);

/// <summary>A member organisation of category « Organisation professionnelle » (GET /affiliations).</summary>
public sealed record OrganisationChoice(string OrganisationId, string Name);

/// <summary>An extranet user who may be the organisation's HR contact (GET …/hr-contacts).</summary>
public sealed record PersonChoice(string AccountId, string UserName, string Name);

public sealed record StartupView(DateOnly? CreationDate, int? Headcount, string? TurnoverBand, bool SyntecStartupPack);

public sealed record PerimeterView(int? Alsace, int? ChampagneArdenne, int? Lorraine);

public sealed record CommitmentsView(bool Delegation, bool Statutes);

public sealed record OrganisationPartView(
    string? Name, string? Category, string? RegionalHeadOffice, bool HasLogo, string? Presentation, string? Website, bool? DigitalSector,
    string? CompanyType, IReadOnlyList<string> MainActivities, IReadOnlyList<string> SiteDepartements, IReadOnlyList<string> InterventionDepartements,
    OrganisationChoice? Affiliation, PersonChoice? HrContact, StartupView? Startup, PerimeterView? Perimeter, CommitmentsView Commitments);

public sealed record DecisionView(bool Accepted, DateOnly BoardMeetingDate, string? Reason, DateTimeOffset DecidedAt, string? DecidedBy);

/// <summary>A membership application (draft, submitted or decided).</summary>
public sealed record ApplicationView(
    string Id, string Status, string StatusLabel, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt,
    DateOnly? DueOn, int? DaysLeft, bool Overdue,
    ReferentView Referent, OrganisationPartView Organisation, IReadOnlyDictionary<string, string[]> Missing, DecisionView? Decision)
{
    public const string Draft = "draft";

    /// <summary>Only in the answer that creates the draft: the key that opens it afterwards.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Key { get; init; }
}

/// <summary>One line of the board's list of applications.</summary>
public sealed record ApplicationSummary(
    string Id, string? OrganisationName, string? Category, string ReferentName, string ReferentEmail, string Status, string StatusLabel,
    DateTimeOffset? SubmittedAt, DateOnly? DueOn, int? DaysLeft, bool Overdue, DateTimeOffset? DecidedAt);
