using Nege.ServiceDefaults.Data;
using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nege.ServiceDefaults.Telemetry;

namespace Nege.ServiceDefaults.Messaging;

public sealed class OutboxRelayOptions
{
    /// <summary>How often pending rows are looked for when no commit signalled any (recovery after a crash or an outage).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public int BatchSize { get; set; } = 100;

    /// <summary>How long one publish may wait for the broker's confirmation.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Message types published with RabbitMQ's mandatory flag. The broker drops a message no queue is bound to
    /// receive, which happens on a new broker while its consumer's service has not started yet; a mandatory one
    /// is returned instead, so its row stays pending and is retried until a queue receives it.
    /// </summary>
    public HashSet<Type> MustBeRouted { get; } = [];
}

/// <summary>
/// Publishes the outbox's pending rows through MassTransit (publisher confirms on), in order, and
/// marks them sent. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so several replicas never
/// publish the same row; the row id is the message id, so a row published again after a crash is
/// recognised by the consumers' inbox.
/// </summary>
public sealed class OutboxRelay<TDbContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    CommitSignal<OutboxMessage> signal,
    TimeProvider clock,
    IOptions<OutboxRelayOptions> options,
    ILogger<OutboxRelay<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    private static readonly ActivitySource Source = new(TelemetryExtensions.ActivitySourceName);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (published, more) = await PublishBatchAsync(stoppingToken);
                failures = 0;
                if (more)
                {
                    continue;
                }

                _ = published;
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                failures++;
                var delay = Backoff(failures);
                logger.LogWarning(exception, "Outbox relay could not publish; retrying in {Delay}", delay);
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

    /// <summary>Publishes one batch; returns how many were published and whether a full batch suggests more.</summary>
    public async Task<(int Published, bool More)> PublishBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var batchSize = options.Value.BatchSize;
        var rows = await db.Set<OutboxMessage>()
            .FromSqlRaw(
                $"SELECT * FROM {MessagingModel.OutboxTable} WHERE sent_at IS NULL ORDER BY occurred_at, id LIMIT {{0}} FOR UPDATE SKIP LOCKED",
                batchSize)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return (0, false);
        }

        var published = 0;
        Exception? failure = null;
        foreach (var row in rows)
        {
            if (!TryRead(row, out var message, out var messageType))
            {
                // A row that can never be read (its type was removed or renamed) must not hold back
                // the rows after it: it stays pending, with its error, for ops to see and repair.
                continue;
            }

            try
            {
                await PublishAsync(row, message, messageType, cancellationToken);
                row.SentAt = clock.GetUtcNow();
                published++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The broker is unreachable or refused: keep the order, stop here and retry later.
                row.Attempts++;
                row.LastError = Truncate(exception.Message, 2000);
                failure = exception;
                break;
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);

        if (failure is not null)
        {
            throw new OutboxPublishException($"Published {published} of {rows.Count} outbox message(s) before a failure.", failure);
        }

        // A full batch of unreadable rows says nothing of what follows: only published rows suggest more.
        return (published, published > 0 && rows.Count == batchSize);
    }

    private bool TryRead(OutboxMessage row, out object message, out Type messageType)
    {
        try
        {
            messageType = Type.GetType(row.MessageType, throwOnError: true)!;
            message = JsonSerializer.Deserialize(row.Payload, messageType, JsonSerializerOptions.Web)
                      ?? throw new JsonException("The payload is null.");
            return true;
        }
        catch (Exception exception) when (exception is TypeLoadException or FileNotFoundException or JsonException or NotSupportedException)
        {
            row.Attempts++;
            row.LastError = Truncate($"Unreadable outbox row: {exception.Message}", 2000);
            logger.LogError(exception, "Outbox row {MessageId} of type {MessageType} cannot be read; it is skipped", row.Id, row.MessageType);
            message = null!;
            messageType = null!;
            return false;
        }
    }

    private async Task PublishAsync(OutboxMessage row, object message, Type messageType, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(row.TraceParent, row.TraceState, out var parent);
        using var activity = Source.StartActivity("outbox publish", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", row.Id);
        activity?.SetTag("messaging.message.type", messageType.Name);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PublishTimeout);
        var mandatory = options.Value.MustBeRouted.Contains(messageType);
        await bus.Publish(message, messageType, Pipe.Execute<PublishContext>(context =>
        {
            context.MessageId = row.Id;
            context.Mandatory = mandatory;
        }), timeout.Token);
        logger.LogDebug("Published {MessageType} {MessageId} from the outbox", messageType.Name, row.Id);
    }

    private TimeSpan Backoff(int failures)
    {
        var seconds = Math.Min(options.Value.MaxBackoff.TotalSeconds, 0.25 * Math.Pow(2, failures - 1));
        return TimeSpan.FromSeconds(seconds);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}

public sealed class OutboxPublishException(string message, Exception inner) : Exception(message, inner);
