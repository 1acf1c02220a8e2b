using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Candidates;
using Nege.Notifications.Deliveries;
using Nege.Notifications.Email;
using Nege.Testing;

namespace Notifications.Tests;

/// <summary>Files recorded with an e-mail: sent in their order with their bytes, and forgotten with the e-mail.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class EmailAttachmentsTests(NotificationsService service)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_attachments_go_in_their_order_and_a_candidates_erasure_deletes_them_with_the_email()
    {
        var candidate = $"candidate.{Guid.NewGuid():N}@exemple.fr";
        var cv = "%PDF-1.7\n% CV"u8.ToArray();
        var letter = "Lettre de motivation : « Bonjour »\n"u8.ToArray();
        var recorded = EmailDelivery.Record(
            new EmailMessage(candidate, "Vos documents", "Ci-joint vos documents.\n", "<p>Ci-joint vos documents.</p>\n")
            {
                Attachments = [new EmailAttachment("cv.pdf", "application/pdf", cv), new EmailAttachment("lettre.txt", "text/plain", letter)],
            },
            "test-attachments", Guid.NewGuid(), "exemple.fr", DateTimeOffset.UtcNow, activity: null);
        await service.QueryAsync(db =>
        {
            db.EmailDeliveries.Add(recorded);
            return db.SaveChangesAsync();
        });

        var email = await service.SmtpSink.Sink.WaitForRecipientAsync(candidate, Timeout);
        var attachments = await service.SmtpSink.Sink.ReadAttachmentsAsync(email);
        Assert.Equal(["cv.pdf", "lettre.txt"], attachments.Select(a => a.FileName));
        Assert.Equal(["application/pdf", "text/plain"], attachments.Select(a => a.ContentType));
        Assert.Equal([cv, letter], attachments.Select(a => a.Content));
        Assert.Equal(2, await AttachmentsOfAsync(recorded.Id));

        await service.PublishAsync(new DossierErased(Guid.NewGuid(), $"D-{Guid.NewGuid():N}", candidate, "durée de conservation écoulée", DateTimeOffset.UtcNow), Guid.NewGuid());

        await Eventually.UntilAsync(
            async () => !await service.QueryAsync(db => db.EmailDeliveries.AnyAsync(d => d.Id == recorded.Id)), Timeout, "the candidate's e-mail forgotten");
        Assert.Equal(0, await AttachmentsOfAsync(recorded.Id));
    }

    private Task<int> AttachmentsOfAsync(Guid deliveryId) =>
        service.QueryAsync(db => db.Set<EmailDeliveryAttachment>().CountAsync(a => a.DeliveryId == deliveryId));
}
