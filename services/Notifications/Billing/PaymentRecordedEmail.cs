using System.Globalization;
using Microsoft.Extensions.Options;
using Nege.Contracts.Billing;
using Nege.Notifications.Email;

namespace Nege.Notifications.Billing;

/// <summary>
/// The treasurer recorded a payment: once the call is paid in full, the referent receives its receipt, the PDF attached
/// as Billing froze it; before that, what was received and what remains due.
/// </summary>
public sealed class PaymentRecordedEmail(NotificationsDbContext db, IOptions<EmailOptions> email, TimeProvider clock, ILogger<PaymentRecordedEmail> logger)
    : EmailConsumer<PaymentRecorded>(db, email, clock, logger)
{
    public const string TemplateName = "payment-recorded";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    protected override string Template => TemplateName;

    protected override EmailMessage Compose(PaymentRecorded message) => ComposeFor(message);

    public static EmailMessage ComposeFor(PaymentRecorded payment) =>
        payment.Receipt is { } receipt ? ReceiptFor(payment, receipt) : PartialPaymentFor(payment);

    private static EmailMessage ReceiptFor(PaymentRecorded payment, Document receipt)
    {
        var number = payment.ReceiptNumber is { } receiptNumber ? $" {receiptNumber}" : "";
        var paragraphs = new List<string>
        {
            $"Bonjour {payment.Referent.Name},",
            $"Nous avons bien reçu votre paiement de {Money.Format(payment.AmountCents)} le {FrenchDates.Format(payment.PaidOn)} par {Method(payment.MethodLabel)} : " +
            $"l'appel de cotisation {payment.FeeCallNumber} de l'organisme « {payment.OrganisationName} » pour l'année {payment.Year} est intégralement réglé " +
            $"({Money.Format(payment.PaidCents)}).",
            "Merci pour votre cotisation et votre soutien à l'association.",
            $"Veuillez trouver ci-joint, au format PDF, le reçu de cotisation{number}.",
        };
        AddExtranet(paragraphs, payment.ExtranetLink);
        return EmailBodies.Build(payment.Referent.Email, $"Reçu de cotisation{number} – Numéric'Emploi Grand Est", paragraphs, payment.ExtranetLink) with
        {
            Attachments = [new EmailAttachment(receipt.FileName, receipt.ContentType, receipt.Content)],
        };
    }

    private static EmailMessage PartialPaymentFor(PaymentRecorded payment)
    {
        var paragraphs = new List<string>
        {
            $"Bonjour {payment.Referent.Name},",
            $"Nous avons bien reçu votre paiement de {Money.Format(payment.AmountCents)} le {FrenchDates.Format(payment.PaidOn)} par {Method(payment.MethodLabel)} " +
            $"pour l'appel de cotisation {payment.FeeCallNumber} de l'organisme « {payment.OrganisationName} » pour l'année {payment.Year}.",
            $"Vous avez réglé {Money.Format(payment.PaidCents)} à ce jour ; il reste {Money.Format(payment.OutstandingCents)} à régler.",
            "Les moyens de paiement sont indiqués sur l'appel de cotisation. Le reçu vous sera envoyé dès que l'appel sera intégralement réglé.",
        };
        AddExtranet(paragraphs, payment.ExtranetLink);
        return EmailBodies.Build(payment.Referent.Email, $"Paiement reçu – appel de cotisation {payment.FeeCallNumber}", paragraphs, payment.ExtranetLink);
    }

    private static void AddExtranet(List<string> paragraphs, Uri? extranetLink)
    {
        if (extranetLink is { } link)
        {
            paragraphs.Add($"Retrouvez vos appels de cotisation et vos reçus dans l'extranet : {link.AbsoluteUri}");
        }

        paragraphs.Add("Bien cordialement,");
        paragraphs.Add("Numéric'Emploi Grand Est");
    }

    /// <summary>« par virement », « par chèque »: Billing's label (« Virement ») inside a sentence.</summary>
    private static string Method(string label) =>
        label.Length == 0 ? label : char.ToLower(label[0], French) + label[1..];
}
