using System.Diagnostics;
using MassTransit;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Nege.ServiceDefaults.Messaging;

public static class OutboxExtensions
{
    /// <summary>
    /// Adds an integration event to the outbox; it is written by the same <c>SaveChanges</c> (and
    /// so the same transaction) as the state change that caused it.
    /// </summary>
    public static OutboxMessage AddToOutbox<TEvent>(this DbContext db, TEvent integrationEvent, DateTimeOffset now)
        where TEvent : class
    {
        var message = new OutboxMessage
        {
            Id = NewId.NextSequentialGuid(),
            MessageType = TypeName(typeof(TEvent)),
            Payload = JsonSerializer.Serialize(integrationEvent, typeof(TEvent), JsonSerializerOptions.Web),
            OccurredAt = now,
            TraceParent = Activity.Current?.Id,
            TraceState = Activity.Current?.TraceStateString,
        };
        db.Set<OutboxMessage>().Add(message);
        return message;
    }

    public static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
