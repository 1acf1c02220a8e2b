using Microsoft.Extensions.Options;
using Nege.Contracts.Directory;
using Nege.Notifications.Deliveries;
using Nege.Notifications.Email;

namespace Nege.Notifications.Directory;

/// <summary>
/// A visitor wrote to a member's HR contact from the directory: the message goes to the HR contact with the CV
/// attached (fetched from Directory) and the visitor as Reply-To, and the visitor receives an acknowledgement that
/// never names the recipient. A CV that cannot be fetched or is not the one announced fails the consume (retried);
/// a CV already erased (after its 30 days) is left out, and both e-mails say so.
/// </summary>
public sealed class CompanyContactEmail(
    NotificationsDbContext db, ContactCvDownloads downloads, IOptions<EmailOptions> email, TimeProvider clock, ILogger<CompanyContactEmail> logger)
    : EmailConsumer<CompanyContactRequested>(db, email, clock, logger)
{
    public const string TemplateName = "company-contact";

    private const string SubjectPrefix = "Message d'un candidat via l'annuaire : ";

    protected override string Template => TemplateName;

    protected override EmailMessage Compose(CompanyContactRequested message) =>
        throw new NotSupportedException($"{nameof(CompanyContactEmail)} composes its e-mails once the CV is fetched: see {nameof(ComposeAllAsync)}.");

    protected override async Task<IReadOnlyList<EmailMessage>> ComposeAllAsync(CompanyContactRequested message, CancellationToken cancellationToken)
    {
        var cv = message.Cv is { } attachment ? await downloads.DownloadAsync(message.ContactMessageId, attachment, cancellationToken) : null;
        if (cv is { IsErased: true })
        {
            logger.LogInformation("The CV of contact message {ContactMessageId} is erased already; relaying the message without it", message.ContactMessageId);
        }

        return ComposeFor(message, cv);
    }

    /// <summary>The HR contact's e-mail, then the sender's acknowledgement; <paramref name="cv"/> null when the sender attached none.</summary>
    public static IReadOnlyList<EmailMessage> ComposeFor(CompanyContactRequested contact, ContactCv? cv) =>
        [ComposeForRecipient(contact, cv), ComposeAcknowledgement(contact, cv)];

    public static EmailMessage ComposeForRecipient(CompanyContactRequested contact, ContactCv? cv)
    {
        var paragraphs = new List<string>
        {
            $"Bonjour {contact.RecipientName},",
            $"{contact.SenderName} ({contact.SenderEmail}) vous a écrit le {FrenchDates.Format(contact.SentAt)} via l'annuaire de Numéric'Emploi Grand Est, " +
            $"à l'attention de l'organisme « {contact.OrganisationName} ».",
            $"Objet : {contact.Subject}",
            "Son message :",
            contact.Message,
        };
        switch (cv)
        {
            case { File: { } file }:
                paragraphs.Add($"Son CV est joint à cet e-mail : « {file.FileName} ».");
                break;
            case { IsErased: true }:
                paragraphs.Add($"Un CV accompagnait ce message (« {contact.Cv!.FileName} »), mais il a été supprimé à l'issue de sa durée de conservation de 30 jours : " +
                               "il n'est pas joint à cet e-mail. Vous pouvez le demander à l'expéditeur.");
                break;
            default:
                paragraphs.Add("Aucun CV n'accompagne ce message.");
                break;
        }

        paragraphs.Add($"Pour lui répondre, il suffit de répondre à cet e-mail : votre réponse parviendra directement à {contact.SenderName} ({contact.SenderEmail}).");
        paragraphs.Add("Votre adresse n'a pas été communiquée à l'expéditeur ; elle ne le sera que si vous lui répondez.");
        paragraphs.Add("Bien cordialement,");
        paragraphs.Add("Numéric'Emploi Grand Est");
        return EmailBodies.Build(contact.RecipientEmail, Shortened(SubjectPrefix + contact.Subject), paragraphs) with
        {
            ToName = contact.RecipientName,
            ReplyTo = new EmailReplyTo(contact.SenderEmail, contact.SenderName),
            Attachments = cv?.File is { } attached ? [attached] : [],
        };
    }

    /// <summary>To the sender: what was sent and how the answer will come, never to whom (the recipient's name and address stay private).</summary>
    public static EmailMessage ComposeAcknowledgement(CompanyContactRequested contact, ContactCv? cv)
    {
        var paragraphs = new List<string>
        {
            $"Bonjour {contact.SenderName},",
            $"Votre message à {contact.OrganisationName} a bien été transmis via l'annuaire de Numéric'Emploi Grand Est.",
            $"Objet : {contact.Subject}",
            cv switch
            {
                { File: { } file } => $"Votre CV y était joint : « {file.FileName} ».",
                { IsErased: true } => $"Votre CV « {contact.Cv!.FileName} » n'a pas pu y être joint : il a été supprimé à l'issue de sa durée de conservation de 30 jours.",
                _ => "Vous n'y avez pas joint de CV.",
            },
            $"Si votre démarche l'intéresse, l'organisme vous répondra directement, à l'adresse {contact.SenderEmail}.",
            "Bien cordialement,",
            "Numéric'Emploi Grand Est",
        };
        return EmailBodies.Build(contact.SenderEmail, Shortened($"Votre message à {contact.OrganisationName} a été transmis"), paragraphs) with
        {
            ToName = contact.SenderName,
        };
    }

    /// <summary>A subject someone typed, cut to what the delivery log keeps.</summary>
    private static string Shortened(string subject) =>
        subject.Length <= EmailDelivery.SubjectMaxLength ? subject : subject[..(EmailDelivery.SubjectMaxLength - 1)] + "…";
}
