using Microsoft.Extensions.Options;
using Nege.Contracts.Billing;
using Nege.Notifications.Email;

namespace Nege.Notifications.Billing;

/// <summary>A fee call was issued: the organisation's referent receives it, its PDF attached as Billing froze it.</summary>
public sealed class FeeCallIssuedEmail(NotificationsDbContext db, IOptions<EmailOptions> email, TimeProvider clock, ILogger<FeeCallIssuedEmail> logger)
    : EmailConsumer<FeeCallIssued>(db, email, clock, logger)
{
    public const string TemplateName = "fee-call-issued";

    protected override string Template => TemplateName;

    protected override EmailMessage Compose(FeeCallIssued message) => ComposeFor(message);

    public static EmailMessage ComposeFor(FeeCallIssued issued)
    {
        var paragraphs = new List<string>
        {
            $"Bonjour {issued.Referent.Name},",
            $"Veuillez trouver ci-joint, au format PDF, l'appel de cotisation {issued.Number} de l'organisme « {issued.OrganisationName} » pour l'année {issued.Year} : " +
            $"{Money.Format(issued.AmountCents)}, à régler au plus tard le {FrenchDates.Format(issued.DueOn)}.",
            "Les moyens de paiement sont indiqués sur l'appel de cotisation.",
        };
        if (issued.ExtranetLink is { } link)
        {
            paragraphs.Add($"Retrouvez vos appels de cotisation et vos reçus dans l'extranet : {link.AbsoluteUri}");
        }

        paragraphs.Add("Bien cordialement,");
        paragraphs.Add("Numéric'Emploi Grand Est");
        return EmailBodies.Build(issued.Referent.Email, $"Appel de cotisation {issued.Number} – Numéric'Emploi Grand Est", paragraphs, issued.ExtranetLink) with
        {
            Attachments = [new EmailAttachment(issued.Pdf.FileName, issued.Pdf.ContentType, issued.Pdf.Content)],
        };
    }
}
