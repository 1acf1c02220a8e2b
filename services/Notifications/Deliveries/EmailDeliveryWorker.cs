using Nege.ServiceDefaults.Data;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nege.Notifications.Email;

namespace Nege.Notifications.Deliveries;

/// <summary>
/// Sends the recorded e-mails that are due, over up to <see cref="EmailDeliveryOptions.Connections"/> SMTP connections
/// at once, each for a batch. Rows are claimed
/// <see cref="EmailDeliveryOptions.ClaimSize"/> at a time with <c>FOR UPDATE SKIP LOCKED</c>, in a
/// transaction held while they are sent and committed with their marks: several replicas never send
/// the same row, and a worker that dies mid-claim releases its rows to be tried again (those already
/// accepted by the server go again, with the same <c>Message-ID</c>: at most a claim's worth of copies). A failed attempt is retried with
/// exponential back-off, then the row is marked failed.
/// </summary>
public sealed class EmailDeliveryWorker(
    IServiceScopeFactory scopes,
    EmailSender sender,
    CommitSignal<EmailDelivery> signal,
    NotificationsTelemetry telemetry,
    TimeProvider clock,
    IOptions<EmailDeliveryOptions> options,
    ILogger<EmailDeliveryWorker> logger) : BackgroundService
{
    /// <summary>Raised by a lane whose claim came back full: more are probably due, a helper lane takes them meanwhile.</summary>
    private readonly SemaphoreSlim _more = new(0, 1);

    /// <summary>
    /// Lane 0 wakes on every commit of recorded e-mails (and polls); the others only when a claim came back full, each
    /// passing it on: a trickle keeps to one connection, a burst (the morning's digests) spreads over them all.
    /// </summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Connections)
            .Select(lane => Task.Run(() => RunLaneAsync(lane == 0, stoppingToken), CancellationToken.None)));

    private async Task RunLaneAsync(bool first, CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var more = await DeliverBatchAsync(stoppingToken);
                failures = 0;
                if (more)
                {
                    continue;
                }

                if (first)
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
                else
                {
                    await _more.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database is unreachable: SMTP failures are recorded on their rows and do not come here.
                failures++;
                var delay = options.Value.RetryPolicy.DelayAfter(failures);
                logger.LogWarning(exception, "E-mail delivery worker could not read its rows; retrying in {Delay}", delay);
                try
                {
                    await Task.Delay(delay, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Sends due e-mails over one connection until none is due, the batch is full or the connection fails; true when it was full.</summary>
    public async Task<bool> DeliverBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        SmtpConnection? connection = null;
        var sent = 0;
        try
        {
            var handled = 0;
            while (handled < options.Value.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var wanted = Math.Min(options.Value.ClaimSize, options.Value.BatchSize - handled);
                var claimed = await ClaimDueAsync(db, clock.GetUtcNow(), wanted, cancellationToken);
                if (claimed.Count == 0)
                {
                    return false;
                }

                if (claimed.Count == wanted && options.Value.Connections > 1)
                {
                    // Probably more are due: a helper lane takes them meanwhile (SKIP LOCKED passes over these).
                    WakeHelperLane();
                }

                // One query for the claimed rows' files: the context puts each with its delivery.
                var ids = claimed.Select(d => d.Id).ToList();
                await db.Set<EmailDeliveryAttachment>().Where(a => ids.Contains(a.DeliveryId)).LoadAsync(cancellationToken);
                var dropped = false;
                foreach (var delivery in claimed)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    try
                    {
                        if (connection is null)
                        {
                            connection = await sender.ConnectAsync(cancellationToken);
                            telemetry.ConnectionOpened();
                        }

                        await SendAsync(connection, delivery);
                        sent++;
                        delivery.MarkSent(clock.GetUtcNow());
                        telemetry.Sent(delivery.Template);
                    }
                    catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                    {
                        RecordFailure(delivery, exception);
                    }

                    handled++;
                    if (connection is null || !connection.IsConnected)
                    {
                        // The server is unreachable or dropped us: the other rows wait for the next round (untouched,
                        // released by the commit) rather than each spending an attempt on it now.
                        dropped = true;
                        break;
                    }
                }

                await db.SaveChangesAsync(CancellationToken.None);
                await transaction.CommitAsync(CancellationToken.None);
                if (dropped)
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
                logger.LogInformation("E-mails sent over one SMTP connection: {Count}", sent);
            }
        }
    }

    private void WakeHelperLane()
    {
        try
        {
            _more.Release();
        }
        catch (SemaphoreFullException)
        {
            // One is already on its way.
        }
    }

    private static Task<List<EmailDelivery>> ClaimDueAsync(NotificationsDbContext db, DateTimeOffset now, int count, CancellationToken cancellationToken) => db.EmailDeliveries
            .FromSql($"""
                      SELECT * FROM email_deliveries
                      WHERE state = 'Pending' AND next_attempt_at <= {now}
                      ORDER BY next_attempt_at, id
                      LIMIT {count}
                      FOR UPDATE SKIP LOCKED
                      """)
            .ToListAsync(cancellationToken);

    private async Task SendAsync(SmtpConnection connection, EmailDelivery delivery)
    {
        ActivityContext.TryParse(delivery.TraceParent, delivery.TraceState, out var parent);
        using var activity = NotificationsTelemetry.Source.StartActivity("smtp send", ActivityKind.Client, parent);
        activity?.SetTag("nege.email.delivery.id", delivery.Id);
        activity?.SetTag("nege.email.template", delivery.Template);
        activity?.SetTag("nege.email.attempt", delivery.Attempts + 1);
        activity?.SetTag("messaging.message.id", delivery.CausationMessageId);
        try
        {
            // Not cancelled by shutdown: an e-mail half sent would be sent again; the SMTP timeout bounds it.
            await connection.SendAsync(delivery, CancellationToken.None);
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            throw;
        }

        // Each send is a span of the trace already; one log line per connection (below) keeps a morning's thousands cheap.
        logger.LogDebug("Sent e-mail {DeliveryId} \"{Subject}\" to {Recipient}", delivery.Id, delivery.Subject, delivery.Recipient);
    }

    private void RecordFailure(EmailDelivery delivery, Exception exception)
    {
        delivery.RecordFailure($"{exception.GetType().Name}: {exception.Message}", clock.GetUtcNow(), options.Value.RetryPolicy);
        telemetry.AttemptFailed(delivery.Template);
        if (delivery.State == DeliveryState.Failed)
        {
            telemetry.Failed(delivery.Template);
            logger.LogError(exception, "Gave up e-mail {DeliveryId} \"{Subject}\" to {Recipient} after {Attempts} attempts",
                delivery.Id, delivery.Subject, delivery.Recipient, delivery.Attempts);
        }
        else
        {
            logger.LogWarning(exception, "Could not send e-mail {DeliveryId} to {Recipient} (attempt {Attempts}); retrying at {NextAttemptAt}",
                delivery.Id, delivery.Recipient, delivery.Attempts, delivery.NextAttemptAt);
        }
    }
}

public static class EmailDeliveryExtensions
{
    /// <summary>The delivery worker, woken by the commit of recorded e-mails.</summary>
    public static IHostApplicationBuilder AddEmailDeliveries(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailDeliveryOptions>().BindConfiguration(EmailDeliveryOptions.Section)
            .Validate(options => options.Connections > 0 && options.BatchSize > 0 && options.ClaimSize > 0 && options.MaxAttempts > 0 && options.FirstRetryDelay > TimeSpan.Zero
                                 && options.MaxRetryDelay >= options.FirstRetryDelay && options.PollInterval > TimeSpan.Zero,
                "Invalid 'Email:Delivery' settings: Connections, BatchSize, ClaimSize and MaxAttempts above 0, 0 < FirstRetryDelay <= MaxRetryDelay, PollInterval above 0.")
            .ValidateOnStart();
        builder.Services.AddCommitSignal<NotificationsDbContext, EmailDelivery>();
        builder.Services.AddSingleton<NotificationsTelemetry>();
        builder.Services.AddHostedService<EmailDeliveryWorker>();
        return builder;
    }
}
