using System.Text.Encodings.Web;
using System.Text.Unicode;
using MassTransit;
using Nege.Contracts.Membership;
using Nege.Notifications.Deliveries;
using Nege.Notifications.Email;
using Nege.ServiceDefaults.Messaging;

namespace Nege.Notifications.Membership;

/// <summary>Acknowledges a membership application to the organisation's contact, in French.</summary>
public sealed class ApplicationSubmittedAcknowledgement(
    NotificationsDbContext db,
    EmailSender sender,
    TimeProvider clock,
    ILogger<ApplicationSubmittedAcknowledgement> logger)
    : IdempotentConsumer<MembershipApplicationSubmitted, NotificationsDbContext>(db, clock, logger)
{
    public const string Template = "membership-application-acknowledgement";

    // Encodes markup but keeps French letters as they are.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    protected override async Task HandleAsync(ConsumeContext<MembershipApplicationSubmitted> context, CancellationToken cancellationToken)
    {
        var submitted = context.Message;
        var email = Compose(submitted);
        Db.EmailDeliveries.Add(new EmailDelivery
        {
            Id = NewId.NextSequentialGuid(),
            Template = Template,
            Recipient = email.To,
            Subject = email.Subject,
            CausationMessageId = context.MessageId!.Value,
            SentAt = Clock.GetUtcNow(),
        });
        await sender.SendAsync(email, cancellationToken);
    }

    public static EmailMessage Compose(MembershipApplicationSubmitted submitted)
    {
        var date = FrenchDates.Format(submitted.SubmittedAt);
        var subject = $"Votre demande d'adhésion à Numéric'Emploi Grand Est a bien été reçue";
        var text = $"""
            Bonjour,

            Nous avons bien reçu la demande d'adhésion de l'organisme « {submitted.OrganisationName} », déposée le {date}.

            Le Président de l'association la soumet au Conseil d'Administration : votre demande sera traitée sous quinze jours, et vous recevrez un courriel du Président vous informant de sa décision.

            Référence de votre demande : {submitted.ApplicationId}

            Numéric'Emploi Grand Est
            """;
        var name = Html.Encode(submitted.OrganisationName);
        var html = $"""
            <p>Bonjour,</p>
            <p>Nous avons bien reçu la demande d'adhésion de l'organisme « {name} », déposée le {date}.</p>
            <p>Le Président de l'association la soumet au Conseil d'Administration : votre demande sera traitée sous quinze jours, et vous recevrez un courriel du Président vous informant de sa décision.</p>
            <p>Référence de votre demande : {submitted.ApplicationId}</p>
            <p>Numéric'Emploi Grand Est</p>
            """;
        return new EmailMessage(submitted.ContactEmail, subject, text, html);
    }
}
