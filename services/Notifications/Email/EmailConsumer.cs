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

    protected override Task HandleAsync(ConsumeContext<TMessage> context, CancellationToken cancellationToken)
    {
        var email = Compose(context.Message);
        Db.EmailDeliveries.Add(EmailDelivery.Record(
            email, Template, context.MessageId!.Value, options.Value.Domain, Clock.GetUtcNow(), Activity.Current));
        return Task.CompletedTask;
    }
}
