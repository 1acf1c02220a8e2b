using System.Net;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Billing;
using Nege.Contracts.Membership;
using Nege.Notifications.Billing;
using Nege.Notifications.Deliveries;
using Nege.Testing;

namespace Notifications.Tests;

/// <summary>
/// Billing's events after the fee call on the broker → the referent's e-mails in the SMTP sink: the receipt with its PDF
/// byte for byte, a partial payment, the reminders with the call's PDF again, the lapse and the reinstatement.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class BillingEmailsTests(NotificationsService service)
{
    private const string Extranet = "http://localhost:8080/extranet/cotisations";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_full_payment_sends_the_referent_the_receipt_with_its_PDF_byte_for_byte()
    {
        var paid = FullPayment($"referent-recu-{Guid.NewGuid():N}@exemple.fr");
        var messageId = Guid.NewGuid();

        await service.PublishAsync(paid, messageId);

        var email = await service.SmtpSink.Sink.WaitForRecipientAsync(paid.Referent.Email, Timeout);
        Assert.Equal(paid.Referent.Email, Assert.Single(email.To).Address);
        Assert.Equal("Reçu de cotisation R-2027-0007 – Numéric'Emploi Grand Est", email.Subject);
        Assert.NotNull(email.Text);
        Assert.StartsWith("Bonjour Marie Curie,", email.Text, StringComparison.Ordinal);
        Assert.Contains(
            "Nous avons bien reçu votre paiement de 652 € le 2 avril 2027 par virement : l'appel de cotisation 2027-0001 de l'organisme « Numérique & Co » " +
            "pour l'année 2027 est intégralement réglé (1 152 €).", email.Text, StringComparison.Ordinal);
        Assert.Contains("Merci pour votre cotisation", email.Text, StringComparison.Ordinal);
        Assert.Contains("ci-joint, au format PDF, le reçu de cotisation R-2027-0007.", email.Text, StringComparison.Ordinal);
        Assert.Contains($"Retrouvez vos appels de cotisation et vos reçus dans l'extranet : {Extranet}", email.Text, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Extranet}\">", WebUtility.HtmlDecode(email.Html), StringComparison.Ordinal);
        Assert.Contains("« Numérique &amp; Co »", email.Html, StringComparison.Ordinal);

        var attachment = Assert.Single(await service.SmtpSink.Sink.ReadAttachmentsAsync(email));
        Assert.Equal("Reçu de cotisation R-2027-0007 – Numérique & Co.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType);
        Assert.Equal(paid.Receipt!.Content, attachment.Content);

        var delivery = await service.QueryAsync(db => db.EmailDeliveries.SingleAsync(d => d.CausationMessageId == messageId));
        Assert.Equal((PaymentRecordedEmail.TemplateName, DeliveryState.Sent), (delivery.Template, delivery.State));
    }

    [Fact]
    public async Task A_partial_payment_says_what_was_received_and_what_remains_due_without_any_attachment()
    {
        var paid = FullPayment($"referent-acompte-{Guid.NewGuid():N}@exemple.fr") with
        {
            AmountCents = 30_050,
            MethodLabel = "Chèque",
            PaidCents = 50_050,
            OutstandingCents = 65_150,
            ReceiptNumber = null,
            Receipt = null,
        };

        await service.PublishAsync(paid, Guid.NewGuid());

        var email = await service.SmtpSink.Sink.WaitForRecipientAsync(paid.Referent.Email, Timeout);
        Assert.Equal(paid.Referent.Email, Assert.Single(email.To).Address);
        Assert.Equal("Paiement reçu – appel de cotisation 2027-0001", email.Subject);
        Assert.NotNull(email.Text);
        Assert.StartsWith("Bonjour Marie Curie,", email.Text, StringComparison.Ordinal);
        Assert.Contains(
            "Nous avons bien reçu votre paiement de 300,50 € le 2 avril 2027 par chèque pour l'appel de cotisation 2027-0001 de l'organisme « Numérique & Co » pour l'année 2027.",
            email.Text, StringComparison.Ordinal);
        Assert.Contains("Vous avez réglé 500,50 € à ce jour ; il reste 651,50 € à régler.", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("intégralement réglé :", email.Text, StringComparison.Ordinal);
        Assert.Contains($"Retrouvez vos appels de cotisation et vos reçus dans l'extranet : {Extranet}", email.Text, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Extranet}\">", WebUtility.HtmlDecode(email.Html), StringComparison.Ordinal);
        Assert.Empty(await service.SmtpSink.Sink.ReadAttachmentsAsync(email));
    }

    [Fact]
    public async Task A_reminder_carries_the_call_PDF_again_with_its_due_date_and_outstanding_amount()
    {
        var reminder = Reminder($"referent-relance-{Guid.NewGuid():N}@exemple.fr", number: 1, isLast: false);
        var messageId = Guid.NewGuid();

        await service.PublishAsync(reminder, messageId);

        var email = await service.SmtpSink.Sink.WaitForRecipientAsync(reminder.Referent.Email, Timeout);
        Assert.Equal(reminder.Referent.Email, Assert.Single(email.To).Address);
        Assert.Equal("Relance n° 1 – appel de cotisation 2027-0001", email.Subject);
        Assert.NotNull(email.Text);
        Assert.StartsWith("Bonjour Marie Curie,", email.Text, StringComparison.Ordinal);
        Assert.Contains(
            "l'appel de cotisation 2027-0001 de l'organisme « Numérique & Co » pour l'année 2027, à régler au plus tard le 1er mars 2027, " +
            "n'est toujours pas réglé : il reste 1 152 € à régler.", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("suspendue", email.Text, StringComparison.Ordinal);
        Assert.Contains($"Retrouvez vos appels de cotisation et vos reçus dans l'extranet : {Extranet}", email.Text, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Extranet}\">", WebUtility.HtmlDecode(email.Html), StringComparison.Ordinal);

        var attachment = Assert.Single(await service.SmtpSink.Sink.ReadAttachmentsAsync(email));
        Assert.Equal("Appel de cotisation 2027-0001 – Numérique & Co.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType);
        Assert.Equal(reminder.Pdf.Content, attachment.Content);

        var delivery = await service.QueryAsync(db => db.EmailDeliveries.SingleAsync(d => d.CausationMessageId == messageId));
        Assert.Equal((FeeReminderEmail.TemplateName, DeliveryState.Sent), (delivery.Template, delivery.State));
    }

    [Fact]
    public async Task The_last_reminder_says_the_membership_is_suspended_without_payment_by_the_lapse_date()
    {
        var reminder = Reminder($"referent-derniere-{Guid.NewGuid():N}@exemple.fr", number: 2, isLast: true);

        await service.PublishAsync(reminder, Guid.NewGuid());

        var email = await service.SmtpSink.Sink.WaitForRecipientAsync(reminder.Referent.Email, Timeout);
        Assert.Equal("Dernière relance – appel de cotisation 2027-0001", email.Subject);
        Assert.NotNull(email.Text);
        Assert.Contains("à régler au plus tard le 1er mars 2027, n'est toujours pas réglé : il reste 1 152 € à régler.", email.Text, StringComparison.Ordinal);
        Assert.Contains(
            "Sans paiement d'ici le 14 mai 2027, l'adhésion de l'organisme sera suspendue jusqu'au paiement : " +
            "ses recruteurs n'auront plus accès au vivier des candidats et l'organisme n'apparaîtra plus dans l'annuaire des entreprises.",
            email.Text, StringComparison.Ordinal);

        var attachment = Assert.Single(await service.SmtpSink.Sink.ReadAttachmentsAsync(email));
        Assert.Equal((reminder.Pdf.FileName, "application/pdf"), (attachment.FileName, attachment.ContentType));
        Assert.Equal(reminder.Pdf.Content, attachment.Content);
    }

    [Fact]
    public async Task A_lapsed_membership_tells_the_referent_what_is_closed_and_how_to_settle()
    {
        var lapsed = new MembershipLapsed(
            Guid.NewGuid(), "Numérique & Co", Referent($"referent-suspendu-{Guid.NewGuid():N}@exemple.fr"), "2027-0001", 65_150,
            new DateTimeOffset(2027, 5, 14, 4, 0, 0, TimeSpan.Zero));
        var messageId = Guid.NewGuid();

        await service.PublishAsync(lapsed, messageId);

        var email = await service.SmtpSink.Sink.WaitForRecipientAsync(lapsed.Referent.Email, Timeout);
        Assert.Equal(lapsed.Referent.Email, Assert.Single(email.To).Address);
        Assert.Equal("Adhésion suspendue – Numéric'Emploi Grand Est", email.Subject);
        Assert.NotNull(email.Text);
        Assert.StartsWith("Bonjour Marie Curie,", email.Text, StringComparison.Ordinal);
        Assert.Contains(
            "Faute de paiement de l'appel de cotisation 2027-0001 (651,50 € restant dus), l'adhésion de l'organisme « Numérique & Co » à Numéric'Emploi Grand Est est suspendue.",
            email.Text, StringComparison.Ordinal);
        Assert.Contains("les recruteurs de l'organisme n'ont plus accès au vivier des candidats et l'organisme n'apparaît plus dans l'annuaire des entreprises.", email.Text, StringComparison.Ordinal);
        Assert.Contains("réglez l'appel de cotisation 2027-0001 par l'un des moyens de paiement qui y sont indiqués", email.Text, StringComparison.Ordinal);
        Assert.Contains("adressez-vous au trésorier de l'association", email.Text, StringComparison.Ordinal);
        Assert.Empty(await service.SmtpSink.Sink.ReadAttachmentsAsync(email));

        var delivery = await service.QueryAsync(db => db.EmailDeliveries.SingleAsync(d => d.CausationMessageId == messageId));
        Assert.Equal(MembershipLapsedEmail.TemplateName, delivery.Template);
    }

    [Fact]
    public async Task A_reinstated_membership_tells_the_referent_the_access_is_restored()
    {
        var reinstated = new MembershipReinstated(
            Guid.NewGuid(), "Numérique & Co", Referent($"referent-retabli-{Guid.NewGuid():N}@exemple.fr"), "2027-0001",
            new DateTimeOffset(2027, 6, 2, 8, 0, 0, TimeSpan.Zero));
        var messageId = Guid.NewGuid();

        await service.PublishAsync(reinstated, messageId);

        var email = await service.SmtpSink.Sink.WaitForRecipientAsync(reinstated.Referent.Email, Timeout);
        Assert.Equal(reinstated.Referent.Email, Assert.Single(email.To).Address);
        Assert.Equal("Adhésion rétablie – Numéric'Emploi Grand Est", email.Subject);
        Assert.NotNull(email.Text);
        Assert.StartsWith("Bonjour Marie Curie,", email.Text, StringComparison.Ordinal);
        Assert.Contains(
            "L'appel de cotisation 2027-0001 est soldé (réglé, ou annulé par un avoir) : l'adhésion de l'organisme « Numérique & Co » à Numéric'Emploi Grand Est est de nouveau à jour.",
            email.Text, StringComparison.Ordinal);
        Assert.Contains("ont de nouveau accès au vivier des candidats et l'organisme apparaît de nouveau dans l'annuaire des entreprises.", email.Text, StringComparison.Ordinal);

        var delivery = await service.QueryAsync(db => db.EmailDeliveries.SingleAsync(d => d.CausationMessageId == messageId));
        Assert.Equal(MembershipReinstatedEmail.TemplateName, delivery.Template);
    }

    [Fact]
    public async Task The_same_receipt_delivered_twice_sends_one_email_with_one_attachment()
    {
        var paid = FullPayment($"referent-recu-doublon-{Guid.NewGuid():N}@exemple.fr");
        var messageId = Guid.NewGuid();
        await service.PublishAsync(paid, messageId);
        await service.SmtpSink.Sink.WaitForRecipientAsync(paid.Referent.Email, Timeout);
        await service.WaitUntilConsumedAsync(messageId, times: 1);

        await service.PublishAsync(paid, messageId);
        await service.WaitUntilConsumedAsync(messageId, times: 2);

        // Once a message published after the duplicate has its e-mail in the sink, so would the duplicate.
        var later = FullPayment($"referent-recu-suivant-{Guid.NewGuid():N}@exemple.fr");
        await service.PublishAsync(later, Guid.NewGuid());
        await service.SmtpSink.Sink.WaitForRecipientAsync(later.Referent.Email, Timeout);

        var email = Assert.Single(await service.SmtpSink.Sink.GetAllAsync(), e => e.To.Any(to => string.Equals(to.Address, paid.Referent.Email, StringComparison.OrdinalIgnoreCase)));
        Assert.Single(await service.SmtpSink.Sink.ReadAttachmentsAsync(email));
        var delivery = Assert.Single(await service.QueryAsync(db => db.EmailDeliveries.Include(d => d.Attachments).Where(d => d.CausationMessageId == messageId).ToListAsync()));
        Assert.Single(delivery.Attachments);
    }

    private static PersonReference Referent(string email) => new(Guid.NewGuid(), "Marie Curie", email);

    // A PDF's signature, then bytes of every value, long enough for several lines of base64.
    private static byte[] Pdf(int seed) =>
        "%PDF-1.7\n"u8.ToArray().Concat(Enumerable.Range(0, 3000).Select(i => (byte)(((i * 7) + seed) % 256))).ToArray();

    /// <summary>The second payment of a 1 152 € call: 652 € by transfer on top of 500 €, so the call is paid and its receipt issued.</summary>
    private static PaymentRecorded FullPayment(string referentEmail) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "2027-0001", 2027, Guid.NewGuid(), "Numérique & Co", Referent(referentEmail),
            65_200, new DateOnly(2027, 4, 2), "Virement", 115_200, 0, new DateTimeOffset(2027, 4, 3, 9, 0, 0, TimeSpan.Zero))
        {
            ReceiptNumber = "R-2027-0007",
            Receipt = new Document("Reçu de cotisation R-2027-0007 – Numérique & Co.pdf", "application/pdf", Pdf(seed: 3)),
            ExtranetLink = new Uri(Extranet),
        };

    private static FeeReminderDue Reminder(string referentEmail, int number, bool isLast) =>
        new(Guid.NewGuid(), "2027-0001", 2027, Guid.NewGuid(), "Numérique & Co", Referent(referentEmail), number, isLast,
            115_200, new DateOnly(2027, 3, 1), new DateOnly(2027, 5, 14),
            new Document("Appel de cotisation 2027-0001 – Numérique & Co.pdf", "application/pdf", Pdf(seed: 5)),
            new DateTimeOffset(2027, 3, 31, 4, 0, 0, TimeSpan.Zero))
        {
            ExtranetLink = new Uri(Extranet),
        };
}
