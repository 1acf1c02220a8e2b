namespace Nege.Contracts.Membership;

/// <summary>
/// An organisation submitted its membership application (both parts of the form). The president is
/// to be told, with a link to the application in the extranet, and the applicant gets a copy of it.
/// </summary>
public sealed record MembershipApplicationSubmitted(
    Guid ApplicationId,
    string OrganisationName,
    string ContactEmail,
    DateTimeOffset SubmittedAt)
{
    /// <summary>The referent's « Prénom Nom ».</summary>
    public string? ContactName { get; init; }

    /// <summary>« Catégorie d'organisme ».</summary>
    public string? Category { get; init; }

    /// <summary>The day the board's decision is due (15 days after submission, Europe/Paris).</summary>
    public DateOnly? DecisionDueOn { get; init; }

    /// <summary>The application's page in the extranet, for the president.</summary>
    public Uri? ExtranetLink { get; init; }

    /// <summary>The whole application as the applicant filled it in, with the form's French labels: the applicant's copy.</summary>
    public IReadOnlyList<ApplicationSection> Contents { get; init; } = [];
}

/// <summary>A titled part of an application's copy (« Compte utilisateur », « Périmètre d'adhésion »…).</summary>
public sealed record ApplicationSection(string Title, IReadOnlyList<ApplicationField> Fields);

/// <summary>One answer of the form: its French label and the value as shown to people.</summary>
public sealed record ApplicationField(string Label, string Value);

/// <summary>
/// A person began a membership application: their account was opened without a password. The link
/// confirms their address and lets them choose a password, so that they can come back to the draft.
/// </summary>
public sealed record ApplicantAccountOpened(
    Guid AccountId,
    Guid ApplicationId,
    string Email,
    string FirstName,
    string LastName,
    Uri SetPasswordLink,
    DateTimeOffset ExpiresAt);

/// <summary>The board decided on an application; the applicant receives the president's decision.</summary>
public sealed record MembershipApplicationDecided(
    Guid ApplicationId,
    string OrganisationName,
    string ContactEmail,
    string ContactName,
    bool Accepted,
    DateOnly BoardMeetingDate,
    string? Reason,
    DateTimeOffset DecidedAt)
{
    /// <summary>Where an accepted referent logs in to the extranet.</summary>
    public Uri? ExtranetLink { get; init; }
}

/// <summary>
/// An organisation became a member. Carries what the directory and billing need: the fee grid reads
/// the sector, the start-up facts, the perimeter's headcounts and the affiliation.
/// </summary>
public sealed record MembershipApproved(
    Guid OrganisationId,
    Guid ApplicationId,
    string Name,
    string Category,
    string RegionalHeadOffice,
    bool DigitalSector,
    string? CompanyType,
    IReadOnlyList<string> MainActivities,
    IReadOnlyList<string> SiteDepartements,
    IReadOnlyList<string> InterventionDepartements,
    MembershipPerimeter Perimeter,
    OrganisationReference? Affiliation,
    StartupFacts? Startup,
    PersonReference Referent,
    PersonReference HrContact,
    DateTimeOffset ApprovedAt);

/// <summary>« Périmètre d'adhésion »: staff (or, for a professional organisation, members) per territory.</summary>
public sealed record MembershipPerimeter(int Alsace, int ChampagneArdenne, int Lorraine)
{
    public int Total => Alsace + ChampagneArdenne + Lorraine;
}

/// <summary>What the fee grid needs to know of a start-up.</summary>
public sealed record StartupFacts(DateOnly CreationDate, int Headcount, string TurnoverBand, bool SyntecStartupPack);

public sealed record OrganisationReference(Guid OrganisationId, string Name);

public sealed record PersonReference(Guid AccountId, string Name, string Email);

/// <summary>
/// What the directory shows of a member organisation changed. The logo is not inside: fetch it from
/// Membership at <c>/api/membership/organisations/{id}/logo</c> when <see cref="LogoVersion"/> changes.
/// </summary>
public sealed record OrganisationCardChanged(
    Guid OrganisationId,
    string Name,
    string Category,
    string RegionalHeadOffice,
    string? PresentationHtml,
    Uri? Website,
    IReadOnlyList<string> MainActivities,
    IReadOnlyList<string> SiteDepartements,
    IReadOnlyList<string> InterventionDepartements,
    PersonReference HrContact,
    string? LogoVersion,
    DateTimeOffset ChangedAt);

/// <summary>A person chose the news categories they want in the daily digest (an empty list: none).</summary>
public sealed record NotificationPreferencesChanged(
    Guid AccountId,
    string Email,
    IReadOnlyList<string> Categories,
    DateTimeOffset ChangedAt);

/// <summary>An administrator registered an organisation (a partner, a member the association enrols itself): a member from that moment.</summary>
public sealed record OrganisationRegistered(Guid OrganisationId, string Name, string Category, DateTimeOffset RegisteredAt);
