using Microsoft.Extensions.Options;
using Nege.Contracts.Billing;
using Nege.Notifications.Email;

namespace Nege.Notifications.Billing;

/// <summary>
/// A fee call is still unpaid after its due date: the referent is reminded, the call's PDF attached again; the last
/// reminder says when the membership lapses without payment.
/// </summary>
public sealed class FeeReminderEmail(NotificationsDbContext db, IOptions<EmailOptions> email, TimeProvider clock, ILogger<FeeReminderEmail> logger)
    : EmailConsumer<FeeReminderDue>(db, email, clock, logger)
{
    public const string TemplateName = "fee-reminder";

    protected override string Template => TemplateName;

    protected override EmailMessage Compose(FeeReminderDue message) => ComposeFor(message);

    public static EmailMessage ComposeFor(FeeReminderDue reminder)
    {
        var paragraphs = new List<string>
        {
            $"Bonjour {reminder.Referent.Name},",
            $"Sauf erreur de notre part, l'appel de cotisation {reminder.FeeCallNumber} de l'organisme « {reminder.OrganisationName} » pour l'année {reminder.Year}, " +
            $"à régler au plus tard le {FrenchDates.Format(reminder.DueOn)}, n'est toujours pas réglé : il reste {Money.Format(reminder.OutstandingCents)} à régler.",
            "Vous le trouverez de nouveau ci-joint, au format PDF ; les moyens de paiement y sont indiqués.",
        };
        if (reminder.IsLast)
        {
            paragraphs.Add(
                $"Sans paiement d'ici le {FrenchDates.Format(reminder.LapsesOn)}, l'adhésion de l'organisme sera suspendue jusqu'au paiement : " +
                "ses recruteurs n'auront plus accès au vivier des candidats et l'organisme n'apparaîtra plus dans l'annuaire des entreprises.");
        }

        paragraphs.Add("Si vous avez réglé cet appel entre-temps, merci de ne pas tenir compte de ce message.");
        if (reminder.ExtranetLink is { } link)
        {
            paragraphs.Add($"Retrouvez vos appels de cotisation et vos reçus dans l'extranet : {link.AbsoluteUri}");
        }

        paragraphs.Add("Bien cordialement,");
        paragraphs.Add("Numéric'Emploi Grand Est");
        var subject = reminder.IsLast
            ? $"Dernière relance – appel de cotisation {reminder.FeeCallNumber}"
            : $"Relance n° {reminder.Reminder} – appel de cotisation {reminder.FeeCallNumber}";
        return EmailBodies.Build(reminder.Referent.Email, subject, paragraphs, reminder.ExtranetLink) with
        {
            Attachments = [new EmailAttachment(reminder.Pdf.FileName, reminder.Pdf.ContentType, reminder.Pdf.Content)],
        };
    }
}
