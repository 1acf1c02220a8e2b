using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Nege.ServiceDefaults.Messaging;

/// <summary>
/// A consumer with one effect per message: the (message id, consumer) pair is written to the inbox
/// in the same transaction as the effect, so a redelivered message is recognised and skipped.
/// A failure rolls both back, and MassTransit retries, then moves the message to the error queue.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TDbContext>(TDbContext db, TimeProvider clock, ILogger logger) : IConsumer<TMessage>
    where TMessage : class
    where TDbContext : DbContext
{
    protected TDbContext Db { get; } = db;

    protected TimeProvider Clock { get; } = clock;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
                        ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id.");
        var consumer = GetType().FullName!;
        var cancellationToken = context.CancellationToken;

        // A retry reuses this DbContext: forget what the failed attempt tracked.
        Db.ChangeTracker.Clear();
        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);

        var now = Clock.GetUtcNow();
        var claimed = await Db.Database.ExecuteSqlAsync(
            $"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({messageId}, {consumer}, {now}) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (claimed == 0)
        {
            logger.LogInformation("{Consumer} already handled message {MessageId}; skipping the duplicate", GetType().Name, messageId);
            return;
        }

        await HandleAsync(context, cancellationToken);
        await Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The effect. Change the database through <see cref="Db"/>; it is saved and committed with the inbox row.</summary>
    protected abstract Task HandleAsync(ConsumeContext<TMessage> context, CancellationToken cancellationToken);
}
