namespace Nege.Contracts.Membership;

/// <summary>An organisation submitted a membership application; its contact is to be acknowledged.</summary>
public sealed record MembershipApplicationSubmitted(
    Guid ApplicationId,
    string OrganisationName,
    string ContactEmail,
    DateTimeOffset SubmittedAt);
