using Nege.Contracts.Membership;

namespace Nege.Contracts.Billing;

/// <summary>
/// A fee call (« appel de cotisation ») was issued: the referent receives it by e-mail with its PDF attached.
/// The PDF travels inside the event, unlike CVs and logos: it is the frozen document itself (about 20 KB),
/// and the e-mail must carry exactly what was issued, whether or not Billing answers when it is sent.
/// </summary>
public sealed record FeeCallIssued(
    Guid FeeCallId,
    string Number,
    int Year,
    Guid OrganisationId,
    string OrganisationName,
    PersonReference Referent,
    long AmountCents,
    DateOnly DueOn,
    Document Pdf,
    DateTimeOffset IssuedAt)
{
    /// <summary>Where the referent finds the calls and receipts in the extranet.</summary>
    public Uri? ExtranetLink { get; init; }
}

/// <summary>A PDF (or other small document) carried by an event: its file name, media type and bytes.</summary>
public sealed record Document(string FileName, string ContentType, byte[] Content);
