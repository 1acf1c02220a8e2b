using System.Net;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Membership;
using Nege.Notifications.Deliveries;
using Nege.Notifications.Membership;
using Nege.ServiceDefaults.Messaging;
using Nege.Testing;

namespace Notifications.Tests;

/// <summary>MembershipApplicationSubmitted on the broker → a French acknowledgement in the SMTP sink and a delivery row.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class ApplicationAcknowledgementTests(NotificationsService service)
{
    private const string Subject = "Votre demande d'adhésion à Numéric'Emploi Grand Est a bien été reçue";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_submitted_application_is_acknowledged_in_French_to_the_contact_and_the_delivery_is_recorded()
    {
        var submitted = Submitted("Numérique Solidaire Grand Est", new DateTimeOffset(2026, 7, 14, 8, 30, 0, TimeSpan.Zero));
        var messageId = Guid.NewGuid();

        await service.PublishAsync(submitted, messageId);

        var email = await service.SmtpSink.Sink.WaitForRecipientAsync(submitted.ContactEmail, Timeout);
        Assert.Equal(Subject, email.Subject);
        Assert.Equal(submitted.ContactEmail, Assert.Single(email.To).Address);
        Assert.Equal("ne-pas-repondre@grand-est.numeric-emploi.org", Assert.Single(email.From).Address);
        Assert.NotNull(email.Text);
        Assert.Contains("« Numérique Solidaire Grand Est »", email.Text, StringComparison.Ordinal);
        Assert.Contains("déposée le 14 juillet 2026 à 10h30", email.Text, StringComparison.Ordinal);
        Assert.Contains(submitted.ApplicationId.ToString(), email.Text, StringComparison.Ordinal);
        Assert.NotNull(email.Html);
        var html = WebUtility.HtmlDecode(email.Html);
        Assert.Contains("« Numérique Solidaire Grand Est »", html, StringComparison.Ordinal);
        Assert.Contains("déposée le 14 juillet 2026 à 10h30", html, StringComparison.Ordinal);

        var delivery = await Eventually.ValueAsync(
            () => service.QueryAsync(db => db.EmailDeliveries.SingleOrDefaultAsync(
                d => d.CausationMessageId == messageId && d.Template == ApplicationSubmittedAcknowledgement.TemplateName && d.State == DeliveryState.Sent)),
            Timeout,
            "the delivery row of the acknowledgement, sent");
        Assert.Equal(ApplicationSubmittedAcknowledgement.TemplateName, delivery.Template);
        Assert.Equal(submitted.ContactEmail, delivery.Recipient);
        Assert.Equal(Subject, delivery.Subject);
        Assert.NotEqual(Guid.Empty, delivery.Id);
        Assert.InRange(delivery.SentAt.GetValueOrDefault(), delivery.CreatedAt, DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.InRange(delivery.CreatedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(1, delivery.Attempts);
        Assert.Null(delivery.LastError);
        var composed = ApplicationSubmittedAcknowledgement.ComposeFor(submitted);
        Assert.Equal(composed.TextBody, delivery.TextBody);
        Assert.Equal(composed.HtmlBody, delivery.HtmlBody);

        // The Message-ID chosen when the e-mail was recorded is the one the SMTP server received.
        Assert.EndsWith("@grand-est.numeric-emploi.org", delivery.MessageIdHeader, StringComparison.Ordinal);
        var connection = Assert.Single(service.Smtp.ConnectionsTo(submitted.ContactEmail));
        Assert.Contains(delivery.MessageIdHeader, connection.MessageIds);
    }

    [Fact]
    public async Task The_same_message_delivered_twice_sends_one_email_of_each_kind_and_records_one_delivery_each()
    {
        var submitted = Submitted("Association Doublon", new DateTimeOffset(2026, 2, 3, 16, 5, 0, TimeSpan.Zero));
        var messageId = Guid.NewGuid();
        await service.PublishAsync(submitted, messageId);
        await service.SmtpSink.Sink.WaitForRecipientAsync(submitted.ContactEmail, Timeout);
        await service.WaitUntilConsumedAsync(messageId, times: 1);

        // The broker redelivers it (as after a crash between the e-mail and the acknowledgement, or a relay republishing).
        await service.PublishAsync(submitted, messageId);
        await service.WaitUntilConsumedAsync(messageId, times: 2);

        // A message published after the duplicate was handled: once its e-mails are in the sink, so would a duplicate's be.
        var later = Submitted("Association Suivante", submitted.SubmittedAt);
        await service.PublishAsync(later, Guid.NewGuid());
        await service.SmtpSink.Sink.WaitForRecipientAsync(later.ContactEmail, Timeout);
        await service.SmtpSink.Sink.WaitForAsync(e => e.Subject == PresidentSubject(later), Timeout, "the president's e-mail of the later application");

        var emails = await service.SmtpSink.Sink.GetAllAsync();
        Assert.Single(emails, e => e.To.Any(to => string.Equals(to.Address, submitted.ContactEmail, StringComparison.OrdinalIgnoreCase)));
        Assert.Single(emails, e => e.Subject == PresidentSubject(submitted));
        var deliveries = await service.QueryAsync(db => db.EmailDeliveries.Where(d => d.CausationMessageId == messageId).ToListAsync());
        Assert.Equal(
            [ApplicationSubmittedAcknowledgement.TemplateName, ApplicationSubmittedToPresident.TemplateName],
            deliveries.Select(d => d.Template).Order(StringComparer.Ordinal));
        var inbox = await service.QueryAsync(db => db.Set<InboxMessage>().Where(m => m.MessageId == messageId).ToListAsync());
        Assert.Equal(
            [typeof(ApplicationSubmittedAcknowledgement).FullName, typeof(ApplicationSubmittedToPresident).FullName],
            inbox.Select(m => m.Consumer).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_organisation_name_with_HTML_characters_is_encoded_in_the_HTML_body()
    {
        const string name = """<b>Dupont & Fils</b> "L'Atelier" <script>alert(1)</script>""";
        var submitted = Submitted(name, new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

        await service.PublishAsync(submitted, Guid.NewGuid());

        var email = await service.SmtpSink.Sink.WaitForRecipientAsync(submitted.ContactEmail, Timeout);
        Assert.NotNull(email.Html);
        Assert.Contains("&lt;b&gt;Dupont &amp; Fils&lt;/b&gt; &quot;L", email.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", email.Html, StringComparison.Ordinal);
        Assert.Contains(name, System.Net.WebUtility.HtmlDecode(email.Html), StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", email.Html, StringComparison.Ordinal);
        Assert.NotNull(email.Text);
        Assert.Contains($"« {name} »", email.Text, StringComparison.Ordinal);
    }

    private static string PresidentSubject(MembershipApplicationSubmitted submitted) => $"Nouvelle demande d'adhésion : {submitted.OrganisationName}";

    private static MembershipApplicationSubmitted Submitted(string organisationName, DateTimeOffset submittedAt) =>
        new(Guid.NewGuid(), organisationName, $"contact-{Guid.NewGuid():N}@exemple.fr", submittedAt);
}
