using System.Net;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Billing;
using Nege.Contracts.Membership;
using Nege.Notifications.Billing;
using Nege.Notifications.Deliveries;
using Nege.Testing;

namespace Notifications.Tests;

/// <summary><see cref="FeeCallIssued"/> on the broker → the referent's e-mail in the SMTP sink, the call's PDF attached byte for byte.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class FeeCallEmailTests(NotificationsService service)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_referent_receives_the_call_with_its_amount_due_date_extranet_link_and_PDF()
    {
        var issued = Issued($"referent-{Guid.NewGuid():N}@exemple.fr");
        var messageId = Guid.NewGuid();

        await service.PublishAsync(issued, messageId);

        var email = await service.SmtpSink.Sink.WaitForRecipientAsync(issued.Referent.Email, Timeout);
        Assert.Equal(issued.Referent.Email, Assert.Single(email.To).Address);
        Assert.Equal("Appel de cotisation 2027-0001 – Numéric'Emploi Grand Est", email.Subject);
        Assert.NotNull(email.Text);
        Assert.StartsWith("Bonjour Marie Curie,", email.Text, StringComparison.Ordinal);
        Assert.Contains("l'appel de cotisation 2027-0001 de l'organisme « Numérique & Co » pour l'année 2027 : 1 152 €, à régler au plus tard le 1er mars 2027.", email.Text, StringComparison.Ordinal);
        Assert.Contains("Les moyens de paiement sont indiqués sur l'appel de cotisation.", email.Text, StringComparison.Ordinal);
        Assert.Contains("Retrouvez vos appels de cotisation et vos reçus dans l'extranet : http://localhost:8080/extranet/cotisations", email.Text, StringComparison.Ordinal);
        Assert.Contains("<a href=\"http://localhost:8080/extranet/cotisations\">", WebUtility.HtmlDecode(email.Html), StringComparison.Ordinal);
        Assert.Contains("« Numérique &amp; Co »", email.Html, StringComparison.Ordinal);

        var attachment = Assert.Single(await service.SmtpSink.Sink.ReadAttachmentsAsync(email));
        Assert.Equal(issued.Pdf.FileName, attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType);
        Assert.Equal(issued.Pdf.Content, attachment.Content);

        var delivery = await service.QueryAsync(db => db.EmailDeliveries.Include(d => d.Attachments).SingleAsync(d => d.CausationMessageId == messageId));
        Assert.Equal(FeeCallIssuedEmail.TemplateName, delivery.Template);
        Assert.Equal(DeliveryState.Sent, delivery.State);
        var stored = Assert.Single(delivery.Attachments);
        Assert.Equal((0, issued.Pdf.FileName, "application/pdf"), (stored.Position, stored.FileName, stored.ContentType));
        Assert.Equal(issued.Pdf.Content, stored.Content);
    }

    [Fact]
    public async Task The_same_message_delivered_twice_sends_one_email_with_one_attachment()
    {
        var issued = Issued($"referent-doublon-{Guid.NewGuid():N}@exemple.fr");
        var messageId = Guid.NewGuid();
        await service.PublishAsync(issued, messageId);
        await service.SmtpSink.Sink.WaitForRecipientAsync(issued.Referent.Email, Timeout);
        await service.WaitUntilConsumedAsync(messageId, times: 1);

        await service.PublishAsync(issued, messageId);
        await service.WaitUntilConsumedAsync(messageId, times: 2);

        // Once a message published after the duplicate has its e-mail in the sink, so would the duplicate.
        var later = Issued($"referent-suivant-{Guid.NewGuid():N}@exemple.fr");
        await service.PublishAsync(later, Guid.NewGuid());
        await service.SmtpSink.Sink.WaitForRecipientAsync(later.Referent.Email, Timeout);

        var email = Assert.Single(await service.SmtpSink.Sink.GetAllAsync(), e => e.To.Any(to => string.Equals(to.Address, issued.Referent.Email, StringComparison.OrdinalIgnoreCase)));
        Assert.Single(await service.SmtpSink.Sink.ReadAttachmentsAsync(email));
        var delivery = Assert.Single(await service.QueryAsync(db => db.EmailDeliveries.Include(d => d.Attachments).Where(d => d.CausationMessageId == messageId).ToListAsync()));
        Assert.Single(delivery.Attachments);
    }

    private static FeeCallIssued Issued(string referentEmail)
    {
        // A PDF's signature, then bytes of every value, long enough for several lines of base64.
        var pdf = "%PDF-1.7\n"u8.ToArray().Concat(Enumerable.Range(0, 3000).Select(i => (byte)(i * 7 % 256))).ToArray();
        return new FeeCallIssued(
            Guid.NewGuid(), "2027-0001", 2027, Guid.NewGuid(), "Numérique & Co",
            new PersonReference(Guid.NewGuid(), "Marie Curie", referentEmail),
            115_200, new DateOnly(2027, 3, 1),
            new Document("Appel de cotisation 2027-0001 – Numérique & Co.pdf", "application/pdf", pdf),
            new DateTimeOffset(2027, 1, 15, 9, 0, 0, TimeSpan.Zero))
        {
            ExtranetLink = new Uri("http://localhost:8080/extranet/cotisations"),
        };
    }
}
