using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Membership;
using Nege.Notifications.Deliveries;
using Nege.Notifications.Email;
using Nege.Notifications.Membership;
using Nege.Testing;

namespace Notifications.Tests;

/// <summary>
/// The delivery worker: an e-mail goes out only once its consume has committed, survives the SMTP
/// server being down, goes exactly once, and shares one SMTP connection with the e-mails due with it.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class DeliveryTests(NotificationsService service)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_consume_whose_commit_is_refused_sends_nothing_and_its_retry_sends_exactly_one_email()
    {
        var recipient = Recipient("commit-refusee");
        var messageId = Guid.NewGuid();
        await using var refusal = await CommitRefusal.InstallAsync(service.DatabaseConnectionString, recipient);

        await service.PublishAsync(Opened(recipient), messageId);

        // The first attempt recorded the e-mail and its commit was refused; the retry's commit waits on the gate.
        await Eventually.UntilAsync(
            async () => await refusal.CommitsAttemptedAsync() >= 2 && await refusal.CommitIsHeldAsync(),
            Timeout,
            "a refused commit, then a second one held");
        Assert.Equal(2, await refusal.CommitsAttemptedAsync());
        Assert.Empty(await DeliveriesToAsync(recipient));

        // The worker is running meanwhile: an e-mail committed now is sent; the refused one is not.
        var other = Recipient("pendant-le-refus");
        await service.PublishAsync(Opened(other), Guid.NewGuid());
        await service.SmtpSink.Sink.WaitForRecipientAsync(other, Timeout);
        Assert.Empty(service.Smtp.ConnectionsTo(recipient));
        Assert.DoesNotContain(await service.SmtpSink.Sink.GetAllAsync(), e => IsTo(e, recipient));

        await refusal.ReleaseAsync();
        await service.SmtpSink.Sink.WaitForRecipientAsync(recipient, Timeout);
        await Eventually.UntilAsync(() => service.Consumed.CompletedCount(messageId) >= 1, Timeout, "the retried consume completed");

        await SendAndWaitForLaterEmailAsync();
        Assert.Single(await service.SmtpSink.Sink.GetAllAsync(), e => IsTo(e, recipient));
        var delivery = Assert.Single(await DeliveriesToAsync(recipient));
        Assert.Equal(DeliveryState.Sent, delivery.State);
        Assert.Equal(messageId, delivery.CausationMessageId);
    }

    [Fact]
    public async Task With_the_SMTP_server_down_the_email_waits_with_its_attempts_and_error_then_goes_once_when_it_is_back()
    {
        var recipient = Recipient("smtp-en-panne");
        EmailDelivery waiting;
        service.Smtp.Stop();
        try
        {
            await service.PublishAsync(Opened(recipient), Guid.NewGuid());

            waiting = await Eventually.ValueAsync(
                async () => (await DeliveriesToAsync(recipient)).SingleOrDefault(d => d.Attempts >= 2),
                Timeout,
                "two failed attempts recorded on the delivery");
            Assert.Equal(DeliveryState.Pending, waiting.State);
            Assert.Null(waiting.SentAt);
            Assert.NotNull(waiting.LastError);
            Assert.Contains("SocketException", waiting.LastError, StringComparison.Ordinal);
            Assert.True(waiting.NextAttemptAt > waiting.CreatedAt, "the next attempt is after the back-off");
        }
        finally
        {
            service.Smtp.Start();
        }

        await service.SmtpSink.Sink.WaitForRecipientAsync(recipient, Timeout);
        var sent = await Eventually.ValueAsync(
            async () => (await DeliveriesToAsync(recipient)).SingleOrDefault(d => d.State == DeliveryState.Sent),
            Timeout,
            "the delivery marked sent");
        Assert.True(sent.Attempts > waiting.Attempts, $"sent at attempt {sent.Attempts}, after {waiting.Attempts} failed ones");
        Assert.Equal(waiting.MessageIdHeader, sent.MessageIdHeader);

        await SendAndWaitForLaterEmailAsync();
        Assert.Single(await service.SmtpSink.Sink.GetAllAsync(), e => IsTo(e, recipient));
        var connection = Assert.Single(service.Smtp.ConnectionsTo(recipient));
        Assert.Single(connection.Recipients, r => string.Equals(r, recipient, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(sent.MessageIdHeader, connection.MessageIds);
    }

    [Fact]
    public async Task Emails_due_together_go_over_one_SMTP_connection_each_with_its_own_Message_ID()
    {
        var recipients = Enumerable.Range(1, 8).Select(i => Recipient($"lot-{i}")).ToList();

        // The first connection waits for its greeting until every e-mail is recorded: all are due while it is open.
        service.Smtp.Hold();
        try
        {
            foreach (var recipient in recipients)
            {
                await service.PublishAsync(Opened(recipient), Guid.NewGuid());
            }

            await Eventually.UntilAsync(
                async () => await service.QueryAsync(db => db.EmailDeliveries.CountAsync(d => recipients.Contains(d.Recipient))) == recipients.Count,
                Timeout,
                "every e-mail of the batch recorded");
        }
        finally
        {
            service.Smtp.Release();
        }

        foreach (var recipient in recipients)
        {
            await service.SmtpSink.Sink.WaitForRecipientAsync(recipient, Timeout);
        }

        var connection = Assert.Single(service.Smtp.Connections, c => c.Recipients.Intersect(recipients, StringComparer.OrdinalIgnoreCase).Any());
        Assert.Equal(recipients.Order(StringComparer.Ordinal), connection.Recipients.Intersect(recipients, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal));
        var deliveries = await service.QueryAsync(db => db.EmailDeliveries.Where(d => recipients.Contains(d.Recipient)).ToListAsync());
        Assert.All(deliveries, d => Assert.Contains(d.MessageIdHeader, connection.MessageIds));
        Assert.Equal(recipients.Count, deliveries.Select(d => d.MessageIdHeader).Distinct().Count());
    }

    [Fact]
    public async Task A_burst_of_emails_spreads_over_several_connections_each_sending_many_and_none_twice()
    {
        var recipients = Enumerable.Range(1, 120).Select(i => Recipient($"rafale-{i}")).ToList();

        // One commit, as the digest queues its persons: the first claim comes back full and wakes a helper lane, which
        // claims the next rows while the first connection still waits for its greeting.
        var before = service.Smtp.Connections.Count;
        service.Smtp.Hold();
        try
        {
            await service.QueryAsync(db =>
            {
                db.EmailDeliveries.AddRange(recipients.Select(r => EmailDelivery.Record(
                    new EmailMessage(r, "Lettre d'actualités", "Les actualités du jour.\n", "<p>Les actualités du jour.</p>\n"),
                    "test-burst", Guid.NewGuid(), "exemple.fr", DateTimeOffset.UtcNow, activity: null)));
                return db.SaveChangesAsync();
            });
            await Eventually.UntilAsync(
                () => Task.FromResult(service.Smtp.Connections.Count >= before + 2),
                Timeout, "a second connection opened while the first is held");
        }
        finally
        {
            service.Smtp.Release();
        }

        foreach (var recipient in recipients)
        {
            await service.SmtpSink.Sink.WaitForRecipientAsync(recipient, Timeout);
        }

        var connections = service.Smtp.Connections.Where(c => c.Recipients.Intersect(recipients, StringComparer.OrdinalIgnoreCase).Any()).ToList();
        Assert.InRange(connections.Count, 2, new EmailDeliveryOptions().Connections);
        Assert.All(connections, c => Assert.True(c.Recipients.Count >= 10, $"connection {c.Number} sent {c.Recipients.Count} e-mails"));
        var sent = connections.SelectMany(c => c.Recipients).Where(r => recipients.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        Assert.Equal(recipients.Count, sent.Count);
        Assert.Equal(recipients.Order(StringComparer.OrdinalIgnoreCase), sent.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_SMTP_send_continues_the_trace_of_the_consume_that_recorded_the_email()
    {
        var sends = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == NotificationsTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = sends.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var recipient = Recipient("trace");

        ActivityTraceId traceId;
        // Sampled, as a request's trace would be: the service's samplers follow their parent.
        using (var publisher = new Activity("test publish") { ActivityTraceFlags = ActivityTraceFlags.Recorded }.SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            traceId = publisher.TraceId;
            await service.PublishAsync(Opened(recipient), Guid.NewGuid());
        }

        var delivery = await Eventually.ValueAsync(
            async () => (await DeliveriesToAsync(recipient)).SingleOrDefault(d => d.State == DeliveryState.Sent),
            Timeout,
            "the delivery marked sent");
        var send = await Eventually.ValueAsync(
            () => Task.FromResult(sends.FirstOrDefault(a => Equals(a.GetTagItem("nege.email.delivery.id"), delivery.Id))),
            Timeout,
            "the SMTP send activity of the delivery");

        Assert.NotNull(delivery.TraceParent);
        var recordedIn = ActivityContext.Parse(delivery.TraceParent, delivery.TraceState);
        Assert.Equal(traceId, recordedIn.TraceId);
        Assert.Equal(traceId, send.TraceId);
        Assert.Equal(recordedIn.SpanId, send.ParentSpanId);
        Assert.Equal(ActivityKind.Client, send.Kind);
    }

    private static string Recipient(string kind) => $"{kind}-{Guid.NewGuid():N}@exemple.fr";

    private static bool IsTo(SinkEmail email, string recipient) =>
        email.To.Any(to => string.Equals(to.Address, recipient, StringComparison.OrdinalIgnoreCase));

    private static ApplicantAccountOpened Opened(string recipient) =>
        new(Guid.NewGuid(), Guid.NewGuid(), recipient, "Léa", "Müller", new Uri("http://localhost:8080/compte/mot-de-passe?jeton=x"), DateTimeOffset.UtcNow.AddDays(2));

    private Task<List<EmailDelivery>> DeliveriesToAsync(string recipient) =>
        service.QueryAsync(db => db.EmailDeliveries.Where(d => d.Recipient == recipient && d.Template == ApplicantAccountEmail.TemplateName).ToListAsync());

    /// <summary>Rows are sent in the order they fall due: once a later e-mail is in the sink, a second copy of an earlier one would be too.</summary>
    private async Task SendAndWaitForLaterEmailAsync()
    {
        var later = Recipient("suivant");
        await service.PublishAsync(Opened(later), Guid.NewGuid());
        await service.SmtpSink.Sink.WaitForRecipientAsync(later, Timeout);
    }
}
