using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nege.ServiceDefaults.Data;

namespace Nege.Candidates.Webhooks;

public sealed class WebhookOptions
{
    public const string Section = "Candidates:Webhooks";

    /// <summary>Attempts before a call is given up (recorded as failed, visible to the partner).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first failure, doubled after each next one (1 s, 2 s, 4 s…), at most <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan DelayAfter(int failures) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks * (1L << Math.Min(failures - 1, 30))));
}

/// <summary>
/// Makes the recorded webhook calls: each due row claimed with <c>FOR UPDATE SKIP LOCKED</c> (so replicas
/// share the work), POSTed signed, and its outcome recorded; a failure (no answer, or not 2xx) is retried
/// with back-off. Woken as soon as a transaction adding calls commits.
/// </summary>
public sealed class WebhookDeliveryWorker(
    IServiceScopeFactory scopes,
    IHttpClientFactory clients,
    CommitSignal<WebhookDelivery> signal,
    TimeProvider clock,
    IOptions<WebhookOptions> options,
    ILogger<WebhookDeliveryWorker> logger) : BackgroundService
{
    public const string HttpClientName = "partner-webhooks";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DeliverNextAsync(stoppingToken))
                {
                }

                await signal.WaitAsync(NextWait(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Webhook worker could not read its rows; retrying");
                try
                {
                    await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    // Retries fall due between commits: wake at least as often as the shortest retry delay.
    private TimeSpan NextWait() => options.Value.FirstRetryDelay < options.Value.PollInterval ? options.Value.FirstRetryDelay : options.Value.PollInterval;

    /// <summary>Makes one due call; false when none is due.</summary>
    public async Task<bool> DeliverNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CandidatesDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var delivery = await db.WebhookDeliveries
            .FromSql($"""
                      SELECT * FROM webhook_deliveries
                      WHERE state = 'Pending' AND next_attempt_at <= {now}
                      ORDER BY next_attempt_at, id
                      LIMIT 1
                      FOR UPDATE SKIP LOCKED
                      """)
            .SingleOrDefaultAsync(cancellationToken);
        if (delivery is null)
        {
            return false;
        }

        var webhook = await db.PartnerWebhooks.AsNoTracking().SingleOrDefaultAsync(w => w.ClientId == delivery.ClientId, cancellationToken);
        delivery.Attempts++;
        if (webhook is null)
        {
            delivery.State = WebhookDeliveryState.Failed;
            delivery.LastError = "Le webhook a été supprimé.";
        }
        else
        {
            await CallAsync(webhook, delivery);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return true;
    }

    private async Task CallAsync(PartnerWebhook webhook, WebhookDelivery delivery)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.IdHeader, delivery.Id.ToString());
        request.Headers.Add(WebhookSignature.EventHeader, delivery.EventType);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(webhook.Secret, timestamp, delivery.Payload));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("NEGE-Webhooks", "1.0"));
        try
        {
            using var timeout = new CancellationTokenSource(options.Value.Timeout);
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            delivery.LastStatusCode = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                delivery.State = WebhookDeliveryState.Delivered;
                delivery.DeliveredAt = clock.GetUtcNow();
                delivery.LastError = null;
                return;
            }

            Failed(delivery, $"Le webhook a répondu {(int)response.StatusCode}.");
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            Failed(delivery, exception is OperationCanceledException ? "Le webhook n'a pas répondu à temps." : $"Le webhook est injoignable : {exception.Message}");
        }
    }

    private void Failed(WebhookDelivery delivery, string error)
    {
        delivery.LastError = error.Length > 1000 ? error[..1000] : error;
        if (delivery.Attempts >= options.Value.MaxAttempts)
        {
            delivery.State = WebhookDeliveryState.Failed;
            logger.LogWarning("Webhook delivery {DeliveryId} to {ClientId} given up after {Attempts} attempts: {Error}",
                delivery.Id, delivery.ClientId, delivery.Attempts, error);
            return;
        }

        delivery.NextAttemptAt = clock.GetUtcNow() + options.Value.DelayAfter(delivery.Attempts);
    }
}
