using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Nege.Contracts.Directory;
using Nege.Notifications.Deliveries;
using Nege.Notifications.Directory;
using Nege.Testing;

namespace Notifications.Tests;

/// <summary>
/// <see cref="CompanyContactRequested"/> on the broker → the HR contact's e-mail (the CV fetched from Directory, the sender
/// as Reply-To) and the sender's acknowledgement in the SMTP sink; a CV that is not the one announced sends nothing.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class CompanyContactEmailTests(NotificationsService service)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private const string Message = "Bonjour,\n\nDéveloppeuse <full-stack> & passionnée, je souhaite rejoindre votre équipe.\nMerci de votre attention.";

    [Fact]
    public async Task The_HR_contact_receives_the_message_and_the_CV_and_a_reply_goes_to_the_sender_who_gets_an_acknowledgement()
    {
        var cv = "%PDF-1.7\n"u8.ToArray().Concat(Enumerable.Range(0, 5000).Select(i => (byte)(i * 13 % 256))).ToArray();
        var contact = Contact(Attachment("CV Léa Martin.pdf", "application/pdf", cv));
        service.DirectoryApi.Offer(contact.ContactMessageId, contact.Cv!.DownloadToken, cv, "application/pdf");
        var messageId = Guid.NewGuid();

        await service.PublishAsync(contact, messageId);

        var email = await service.SmtpSink.Sink.WaitForRecipientAsync(contact.RecipientEmail, Timeout);
        Assert.Equal(new SinkAddress(contact.RecipientEmail, "Paul Durand"), Assert.Single(email.To));
        Assert.Equal("Message d'un candidat via l'annuaire : Candidature spontanée – développeuse", email.Subject);
        Assert.NotNull(email.Text);
        Assert.StartsWith("Bonjour Paul Durand,", email.Text, StringComparison.Ordinal);
        Assert.Contains(
            $"Léa Martin ({contact.SenderEmail}) vous a écrit le 14 mars 2027 à 10h30 via l'annuaire de Numéric'Emploi Grand Est, à l'attention de l'organisme « Numérique & Co ».",
            email.Text, StringComparison.Ordinal);
        Assert.Contains("Objet : Candidature spontanée – développeuse", email.Text, StringComparison.Ordinal);
        Assert.Contains(Message, email.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Son CV est joint à cet e-mail : « CV Léa Martin.pdf ».", email.Text, StringComparison.Ordinal);
        Assert.Contains($"Pour lui répondre, il suffit de répondre à cet e-mail : votre réponse parviendra directement à Léa Martin ({contact.SenderEmail}).", email.Text, StringComparison.Ordinal);
        Assert.Contains("Développeuse &lt;full-stack&gt; &amp; passionnée, je souhaite rejoindre votre équipe.<br>\nMerci de votre attention.", email.Html, StringComparison.Ordinal);
        Assert.Contains("« Numérique &amp; Co »", email.Html, StringComparison.Ordinal);

        var replyTo = await ReplyToAsync(email);
        Assert.Equal((contact.SenderEmail, "Léa Martin"), (replyTo.Address, replyTo.Name));

        var attachment = Assert.Single(await service.SmtpSink.Sink.ReadAttachmentsAsync(email));
        Assert.Equal(("CV Léa Martin.pdf", "application/pdf"), (attachment.FileName, attachment.ContentType));
        Assert.Equal(cv, attachment.Content);
        Assert.All(service.DirectoryApi.Downloads.Where(d => d.ContactMessageId == contact.ContactMessageId),
            download => Assert.Equal((contact.Cv.DownloadToken, 200), (download.Token, download.Status)));

        var acknowledgement = await service.SmtpSink.Sink.WaitForRecipientAsync(contact.SenderEmail, Timeout);
        Assert.Equal(new SinkAddress(contact.SenderEmail, "Léa Martin"), Assert.Single(acknowledgement.To));
        Assert.Equal("Votre message à Numérique & Co a été transmis", acknowledgement.Subject);
        Assert.NotNull(acknowledgement.Text);
        Assert.StartsWith("Bonjour Léa Martin,", acknowledgement.Text, StringComparison.Ordinal);
        Assert.Contains("Votre message à Numérique & Co a bien été transmis", acknowledgement.Text, StringComparison.Ordinal);
        Assert.Contains("Objet : Candidature spontanée – développeuse", acknowledgement.Text, StringComparison.Ordinal);
        Assert.Contains("Votre CV y était joint : « CV Léa Martin.pdf ».", acknowledgement.Text, StringComparison.Ordinal);
        Assert.Contains("l'organisme vous répondra directement", acknowledgement.Text, StringComparison.Ordinal);
        await AssertTheRecipientIsNotNamedAsync(acknowledgement, contact);
        Assert.Empty(await service.SmtpSink.Sink.ReadAttachmentsAsync(acknowledgement));

        var deliveries = await DeliveriesOfAsync(messageId);
        Assert.Equal([CompanyContactEmail.TemplateName, $"{CompanyContactEmail.TemplateName}/2"], deliveries.Select(d => d.Template));
        Assert.Equal((contact.SenderEmail, "Léa Martin"), (deliveries[0].ReplyTo, deliveries[0].ReplyToName));
        Assert.Null(deliveries[1].ReplyTo);
    }

    [Fact]
    public async Task A_message_without_CV_is_relayed_without_attachment_nor_download()
    {
        var contact = Contact(cv: null);
        var messageId = Guid.NewGuid();

        await service.PublishAsync(contact, messageId);

        var email = await service.SmtpSink.Sink.WaitForRecipientAsync(contact.RecipientEmail, Timeout);
        Assert.Contains("Aucun CV n'accompagne ce message.", email.Text, StringComparison.Ordinal);
        Assert.Contains(Message, email.Text!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Empty(await service.SmtpSink.Sink.ReadAttachmentsAsync(email));
        Assert.Equal(contact.SenderEmail, (await ReplyToAsync(email)).Address);

        var acknowledgement = await service.SmtpSink.Sink.WaitForRecipientAsync(contact.SenderEmail, Timeout);
        Assert.Contains("Vous n'y avez pas joint de CV.", acknowledgement.Text, StringComparison.Ordinal);
        await AssertTheRecipientIsNotNamedAsync(acknowledgement, contact);
        Assert.Equal(0, service.DirectoryApi.DownloadsOf(contact.ContactMessageId));
    }

    [Fact]
    public async Task A_CV_already_erased_is_left_out_and_both_emails_say_so()
    {
        // Nothing offered: Directory answers 404, as it does once the CV's 30 days are over.
        var contact = Contact(Attachment("cv.pdf", "application/pdf", "%PDF-1.7\n% effacé"u8.ToArray()));
        var messageId = Guid.NewGuid();

        await service.PublishAsync(contact, messageId);

        var email = await service.SmtpSink.Sink.WaitForRecipientAsync(contact.RecipientEmail, Timeout);
        Assert.Empty(await service.SmtpSink.Sink.ReadAttachmentsAsync(email));
        Assert.Contains(
            "Un CV accompagnait ce message (« cv.pdf »), mais il a été supprimé à l'issue de sa durée de conservation de 30 jours : il n'est pas joint à cet e-mail.",
            email.Text, StringComparison.Ordinal);
        Assert.Contains(Message, email.Text!.ReplaceLineEndings("\n"), StringComparison.Ordinal);

        var acknowledgement = await service.SmtpSink.Sink.WaitForRecipientAsync(contact.SenderEmail, Timeout);
        Assert.Contains("Votre CV « cv.pdf » n'a pas pu y être joint : il a été supprimé à l'issue de sa durée de conservation de 30 jours.",
            acknowledgement.Text, StringComparison.Ordinal);
        Assert.Equal(404, service.DirectoryApi.Downloads.Single(d => d.ContactMessageId == contact.ContactMessageId).Status);
        await service.WaitUntilConsumedAsync(messageId, times: 1);
    }

    [Fact]
    public async Task A_CV_that_is_not_the_one_announced_fails_the_consume_every_retry_and_sends_nothing()
    {
        var announced = "%PDF-1.7\n% le CV envoyé"u8.ToArray();
        var contact = Contact(Attachment("cv.pdf", "application/pdf", announced));
        var served = announced.ToArray();
        served[^1] ^= 0xFF; // the same length, another file
        service.DirectoryApi.Offer(contact.ContactMessageId, contact.Cv!.DownloadToken, served, "application/pdf");
        var messageId = Guid.NewGuid();

        await service.PublishAsync(contact, messageId);

        // MassTransit reports the fault once its retries (5, the default of MessagingOptions) are spent: the message is in the error queue.
        await Eventually.UntilAsync(() => service.Consumed.Faults(messageId).Count > 0, TimeSpan.FromSeconds(60), $"message {messageId} faulted");
        Assert.Contains("does not have the SHA-256 announced", service.Consumed.Faults(messageId)[0], StringComparison.Ordinal);
        Assert.Equal(6, service.DirectoryApi.DownloadsOf(contact.ContactMessageId));
        Assert.Empty(await DeliveriesOfAsync(messageId));
        Assert.Equal(0, await service.QueryAsync(db => db.Database
            .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM inbox_messages WHERE message_id = {messageId}").SingleAsync()));
        Assert.DoesNotContain(await service.SmtpSink.Sink.GetAllAsync(),
            e => e.To.Any(to => to.Address == contact.RecipientEmail || to.Address == contact.SenderEmail));
    }

    private static CompanyContactRequested Contact(ContactAttachment? cv)
    {
        var unique = Guid.NewGuid().ToString("N");
        return new CompanyContactRequested(
            Guid.NewGuid(), Guid.NewGuid(), "Numérique & Co", "Paul Durand", $"rh-{unique}@numerique-co.fr",
            "Léa Martin", $"lea.martin-{unique}@exemple.fr", "Candidature spontanée – développeuse", Message, cv,
            new DateTimeOffset(2027, 3, 14, 9, 30, 0, TimeSpan.Zero));
    }

    private static ContactAttachment Attachment(string fileName, string contentType, byte[] content) =>
        new(fileName, contentType, content.Length, Convert.ToHexStringLower(SHA256.HashData(content)), $"jeton-{Guid.NewGuid():N}");

    private async Task<MailboxAddress> ReplyToAsync(SinkEmail email)
    {
        var header = Assert.Single((await service.SmtpSink.Sink.ReadHeadersAsync(email))["Reply-To"]);
        return Assert.Single(InternetAddressList.Parse(header!).Mailboxes);
    }

    /// <summary>The sender never learns whom the message went to: neither the address nor the name, in the body or a header.</summary>
    private async Task AssertTheRecipientIsNotNamedAsync(SinkEmail acknowledgement, CompanyContactRequested contact)
    {
        var headers = await service.SmtpSink.Sink.ReadHeadersAsync(acknowledgement);
        Assert.Empty(headers["Reply-To"]);
        foreach (var text in new[] { acknowledgement.Text, acknowledgement.Html }.Concat(headers.SelectMany(h => h)))
        {
            Assert.DoesNotContain(contact.RecipientEmail, text ?? "", StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(contact.RecipientName, text ?? "", StringComparison.OrdinalIgnoreCase);
        }
    }

    private Task<List<EmailDelivery>> DeliveriesOfAsync(Guid messageId) =>
        service.QueryAsync(db => db.EmailDeliveries.Where(d => d.CausationMessageId == messageId).OrderBy(d => d.Template).ToListAsync());
}
