namespace Nege.Contracts.Accounts;

/// <summary>
/// A person registered and must confirm their e-mail address. The link carries a single-use secret:
/// only the e-mail it is sent in should show it.
/// </summary>
public sealed record AccountEmailConfirmationRequested(
    Guid AccountId,
    string Email,
    string FirstName,
    string LastName,
    Uri ConfirmationLink,
    DateTimeOffset ExpiresAt);

/// <summary>A person asked to reset a forgotten password; the link works once and expires.</summary>
public sealed record PasswordResetRequested(
    Guid AccountId,
    string Email,
    string FirstName,
    string LastName,
    Uri ResetLink,
    DateTimeOffset ExpiresAt);

/// <summary>
/// An account was opened for a person by someone else (an administrator, or the platform for its first
/// administrator): they choose their password through the link, which also confirms their address.
/// </summary>
public sealed record AccountInvited(
    Guid AccountId,
    string Email,
    string FirstName,
    string LastName,
    string InvitedBy,
    IReadOnlyList<string> Roles,
    Uri SetPasswordLink,
    DateTimeOffset ExpiresAt);
