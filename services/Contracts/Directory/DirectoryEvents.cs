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
