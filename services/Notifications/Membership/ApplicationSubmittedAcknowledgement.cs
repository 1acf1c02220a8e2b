using Microsoft.Extensions.Options;
using Nege.Contracts.Membership;
using Nege.Notifications.Email;

namespace Nege.Notifications.Membership;

/// <summary>Acknowledges a membership application to the organisation's referent, in French, with a copy of the whole application.</summary>
public sealed class ApplicationSubmittedAcknowledgement(
    NotificationsDbContext db,
    IOptions<EmailOptions> email,
    TimeProvider clock,
    ILogger<ApplicationSubmittedAcknowledgement> logger)
    : EmailConsumer<MembershipApplicationSubmitted>(db, email, clock, logger)
{
    public const string TemplateName = "membership-application-acknowledgement";

    protected override string Template => TemplateName;

    protected override EmailMessage Compose(MembershipApplicationSubmitted message) => ComposeFor(message);

    public static EmailMessage ComposeFor(MembershipApplicationSubmitted submitted)
    {
        var date = FrenchDates.Format(submitted.SubmittedAt);
        var paragraphs = new List<string>
        {
            string.IsNullOrWhiteSpace(submitted.ContactName) ? "Bonjour," : $"Bonjour {submitted.ContactName},",
            $"Nous avons bien reçu la demande d'adhésion de l'organisme « {submitted.OrganisationName} », déposée le {date}.",
            "Le Président de l'association la soumet au Conseil d'Administration : votre demande sera traitée sous quinze jours, et vous recevrez un courriel du Président vous informant de sa décision.",
            $"Référence de votre demande : {submitted.ApplicationId}",
        };
        if (submitted.Contents.Count > 0)
        {
            paragraphs.Add("Vous trouverez ci-dessous une copie de votre demande, telle que vous l'avez remplie.");
        }

        paragraphs.Add("Numéric'Emploi Grand Est");
        return EmailBodies.Build(submitted.ContactEmail, "Votre demande d'adhésion à Numéric'Emploi Grand Est a bien été reçue", paragraphs, submitted.Contents);
    }
}
