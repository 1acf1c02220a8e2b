using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Options;
using Nege.Notifications.Deliveries;
using Nege.ServiceDefaults.Messaging;

namespace Nege.Notifications.Email;

/// <summary>
/// A consumer whose effect is one e-mail: composed from the event and recorded for delivery, once per
/// message. No SMTP here: the delivery worker sends it once the inbox transaction has committed, so a
/// consume that is cancelled or fails before its commit sends nothing.
/// </summary>
public abstract class EmailConsumer<TMessage>(NotificationsDbContext db, IOptions<EmailOptions> options, TimeProvider clock, ILogger logger)
    : IdempotentConsumer<TMessage, NotificationsDbContext>(db, clock, logger)
    where TMessage : class
{
    protected abstract string Template { get; }

    protected abstract EmailMessage Compose(TMessage message);

    /// <summary>
    /// The e-mails of one message, usually one. When there are several (one per recipient), the n-th
    /// is recorded under « template/n »: each is delivered once however often the message comes.
    /// </summary>
    protected virtual IReadOnlyList<EmailMessage> ComposeAll(TMessage message) => [Compose(message)];

    /// <summary>
    /// The e-mails of one message when composing them needs a call first (a file fetched from its owner's API); by default
    /// <see cref="ComposeAll"/>. What it throws fails the consume, which MassTransit retries.
    /// </summary>
    protected virtual Task<IReadOnlyList<EmailMessage>> ComposeAllAsync(TMessage message, CancellationToken cancellationToken) =>
        Task.FromResult(ComposeAll(message));

    protected override async Task HandleAsync(ConsumeContext<TMessage> context, CancellationToken cancellationToken)
    {
        var emails = await ComposeAllAsync(context.Message, cancellationToken);
        for (var i = 0; i < emails.Count; i++)
        {
            Db.EmailDeliveries.Add(EmailDelivery.Record(
                emails[i], i == 0 ? Template : $"{Template}/{i + 1}", context.MessageId!.Value, options.Value.Domain, Clock.GetUtcNow(), Activity.Current));
        }
    }
}
