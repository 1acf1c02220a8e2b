using MassTransit;
using Nege.Notifications.Deliveries;
using Nege.ServiceDefaults.Messaging;

namespace Nege.Notifications.Email;

/// <summary>
/// A consumer whose effect is one e-mail: composed from the event, recorded in the delivery log and
/// sent, once per message.
/// </summary>
public abstract class EmailConsumer<TMessage>(NotificationsDbContext db, EmailSender sender, TimeProvider clock, ILogger logger)
    : IdempotentConsumer<TMessage, NotificationsDbContext>(db, clock, logger)
    where TMessage : class
{
    protected abstract string Template { get; }

    protected abstract EmailMessage Compose(TMessage message);

    protected override async Task HandleAsync(ConsumeContext<TMessage> context, CancellationToken cancellationToken)
    {
        var email = Compose(context.Message);
        Db.EmailDeliveries.Add(new EmailDelivery
        {
            Id = NewId.NextSequentialGuid(),
            Template = Template,
            Recipient = email.To,
            Subject = email.Subject,
            CausationMessageId = context.MessageId!.Value,
            SentAt = Clock.GetUtcNow(),
        });
        await sender.SendAsync(email, cancellationToken);
    }
}
