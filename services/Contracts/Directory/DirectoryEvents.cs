namespace Nege.Contracts.Directory;

/// <summary>
/// A visitor wrote to a member's HR contact from its page in the directory (« Écrire au responsable RH »): Notifications
/// relays the message to <paramref name="RecipientEmail"/> (the HR contact, or the referent when there is none) with the
/// CV attached and the sender as Reply-To, and acknowledges it to the sender. The sender never learns the address.
/// </summary>
public sealed record CompanyContactRequested(
    Guid ContactMessageId,
    Guid OrganisationId,
    string OrganisationName,
    string RecipientName,
    string RecipientEmail,
    string SenderName,
    string SenderEmail,
    string Subject,
    string Message,
    ContactAttachment? Cv,
    DateTimeOffset SentAt);

/// <summary>
/// The CV sent with a contact message. It does not travel in the event: Notifications fetches it from Directory at
/// <c>GET /api/directory/contact-messages/{ContactMessageId}/cv</c> with the header <c>Nege-Download-Token: {DownloadToken}</c>
/// (the service's own address, not routed by the gateway), and checks its length and SHA-256. Kept 30 days.
/// </summary>
public sealed record ContactAttachment(string FileName, string ContentType, long Length, string Sha256, string DownloadToken)
{
    public const string TokenHeader = "Nege-Download-Token";

    public static string DownloadPath(Guid contactMessageId) => $"/api/directory/contact-messages/{contactMessageId}/cv";
}

/// <summary>
/// An editor published a news item (« actualité »), or its publication date came: Notifications puts it in the next
/// daily digest of the people subscribed to its category (one of <c>MembershipForm.NewsCategories</c>).
/// </summary>
/// <param name="Summary">Its first sentences as plain text, for the digest.</param>
/// <param name="Link">Its public page on the site.</param>
public sealed record NewsPublished(Guid NewsId, string Title, string Category, string Summary, Uri Link, DateTimeOffset PublishedAt);
