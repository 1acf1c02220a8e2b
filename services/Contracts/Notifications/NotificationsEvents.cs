namespace Nege.Contracts.Notifications;

/// <summary>
/// A person unsubscribed from the daily news digest by the link of one of its e-mails, without logging in: Membership
/// clears the account's news categories too, so that its member area shows none and a later save does not bring them back.
/// </summary>
public sealed record NewsDigestUnsubscribed(Guid AccountId, DateTimeOffset UnsubscribedAt);
