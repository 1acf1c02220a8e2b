using Nege.ServiceDefaults.Data;
using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nege.ServiceDefaults.Messaging;
using Nege.Testing;
using RabbitMQ.Client;
using ServiceDefaults.Tests.Contracts;

namespace ServiceDefaults.Tests;

[Collection(MessagingCollection.Name)]
public sealed class OutboxAndInboxTests(TestInfrastructure infrastructure)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_committed_event_is_published_at_once_because_the_commit_wakes_the_relay()
    {
        var log = new DeliveryLog();
        // With a poll interval of ten minutes, only the commit's signal can explain a prompt delivery.
        await using var service = await StartAsync(log, consumers => consumers.AddConsumer<RecordingConsumer>(),
            new Dictionary<string, string?> { ["Outbox:PollInterval"] = "00:10:00" });

        // The relay's first pass at start-up could pick the events up by itself: let it pass, then
        // drain any signal left, so that only the commits below can wake it.
        var warmUp = await service.CommitEventsAsync(1, "warm-up");
        await Eventually.UntilAsync(() => log.Count(warmUp[0]) == 1, Deadline, "the warm-up event is delivered");
        await Eventually.UntilAsync(
            () => service.QueryAsync(db => db.Set<OutboxMessage>().AllAsync(m => m.SentAt != null)), Deadline, "the warm-up row is sent");
        await service.Services.GetRequiredService<CommitSignal<OutboxMessage>>().WaitAsync(TimeSpan.Zero, CancellationToken.None);

        var saved = await service.CommitEventsAsync(1, "SaveChanges");
        var committed = await service.CommitEventsAsync(1, "transaction", explicitTransaction: true);

        await Eventually.UntilAsync(() => log.Count(saved[0]) == 1 && log.Count(committed[0]) == 1, Deadline,
            "both events are delivered without waiting for a poll");
        await Eventually.UntilAsync(
            () => service.QueryAsync(db => db.Set<OutboxMessage>().AllAsync(m => m.SentAt != null)),
            Deadline, "the relay marks both rows sent");
    }

    [Fact]
    public async Task An_unreadable_row_does_not_hold_back_the_events_after_it()
    {
        var log = new DeliveryLog();
        await using var service = await StartAsync(log, consumers => consumers.AddConsumer<RecordingConsumer>(),
            new Dictionary<string, string?> { ["Outbox:PollInterval"] = "00:00:00.100" });
        var poison = Guid.NewGuid();
        await service.QueryAsync(db => db.Database.ExecuteSqlAsync(
            $"INSERT INTO outbox_messages (id, message_type, payload, occurred_at, attempts) VALUES ({poison}, 'Removed.Event, Removed', '{{}}', {DateTimeOffset.UtcNow.AddMinutes(-1)}, 0)"));

        var after = await service.CommitEventsAsync(2, "après la ligne illisible");

        await Eventually.UntilAsync(() => after.All(id => log.Count(id) == 1), Deadline, "the readable events are delivered");
        // The unreadable row's failure is recorded in its own transaction, maybe just after the others went out.
        var stuck = await Eventually.ValueAsync(
            () => service.QueryAsync(db => db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Id == poison && m.Attempts > 0)),
            Deadline, "the unreadable row's failed attempt is recorded");
        Assert.Null(stuck.SentAt);
        Assert.Contains("Unreadable", stuck.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_relays_on_one_outbox_publish_each_row_once()
    {
        var log = new DeliveryLog();
        var database = await infrastructure.CreateDatabaseAsync("two_relays");
        var queue = Queue();
        var settings = new Dictionary<string, string?> { ["Outbox:PollInterval"] = "00:00:00.050", ["Outbox:BatchSize"] = "7" };
        await using var first = await MessagingHost.StartAsync(database, infrastructure.RabbitMqConnectionString, queue,
            consumers => consumers.AddConsumer<RecordingConsumer>(), log, settings);
        await using var second = await MessagingHost.StartAsync(database, infrastructure.RabbitMqConnectionString, queue,
            consumers => consumers.AddConsumer<RecordingConsumer>(), log, settings);

        var ids = new List<Guid>();
        for (var round = 0; round < 10; round++)
        {
            ids.AddRange(await (round % 2 == 0 ? first : second).CommitEventsAsync(30, $"round {round}"));
        }

        await Eventually.UntilAsync(() => ids.All(id => log.Count(id) >= 1), TimeSpan.FromSeconds(60), "all 300 events are delivered");
        await Eventually.UntilAsync(
            () => first.QueryAsync(db => db.Set<OutboxMessage>().AllAsync(m => m.SentAt != null)),
            Deadline, "every row is marked sent");

        Assert.All(ids, id => Assert.Equal(1, log.Count(id)));
        Assert.Equal(ids.Count, log.Total);
    }

    [Fact]
    public async Task A_mandatory_event_that_no_queue_receives_yet_stays_in_the_outbox_until_one_does()
    {
        // A clean slate on a broker the tests share: deleting the type's exchange removes every binding to it.
        var exchange = MessageUrn.ForTypeString<SomethingRouted>().Replace("urn:message:", "", StringComparison.Ordinal);
        var factory = new ConnectionFactory { Uri = new Uri(infrastructure.RabbitMqConnectionString) };
        await using (var connection = await factory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.ExchangeDeleteAsync(exchange);
        }

        var log = new DeliveryLog();
        var database = await infrastructure.CreateDatabaseAsync("mandatory");
        await using var publisher = await MessagingHost.StartAsync(database, infrastructure.RabbitMqConnectionString, Queue(),
            addConsumers: null, log, new Dictionary<string, string?> { ["Outbox:PollInterval"] = "00:00:00.100" },
            services => services.Configure<OutboxRelayOptions>(relay => relay.MustBeRouted.Add(typeof(SomethingRouted))));
        var id = await publisher.QueryAsync(async db =>
        {
            var row = db.AddToOutbox(new SomethingRouted(Guid.NewGuid()), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return row.Id;
        });

        // Returned by the broker, not dropped: the row stays pending with the reason, and is tried again.
        var returned = await Eventually.ValueAsync(
            () => publisher.QueryAsync(db => db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Id == id && m.Attempts >= 2)),
            Deadline, "the relay's attempts to publish the unroutable event are recorded");
        Assert.Null(returned.SentAt);
        Assert.Contains("returned", returned.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, log.Count(id));

        // The consumer's service starts and binds its queue: the next attempt reaches it, once.
        await using var consumer = await MessagingHost.StartAsync(await infrastructure.CreateDatabaseAsync("mandatory_consumer"),
            infrastructure.RabbitMqConnectionString, Queue(), consumers => consumers.AddConsumer<RoutedRecordingConsumer>(), log);
        await Eventually.UntilAsync(() => log.Count(id) == 1, Deadline, "the event reaches the queue bound after it was written");
        await Eventually.UntilAsync(
            () => publisher.QueryAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Id == id && m.SentAt != null)),
            Deadline, "the row is marked sent once routed");
        Assert.Equal(1, log.Count(id));
    }

    [Fact]
    public async Task A_message_delivered_twice_has_one_effect()
    {
        var log = new DeliveryLog();
        await using var service = await StartAsync(log, consumers =>
        {
            consumers.AddConsumer<EffectConsumer>();
            consumers.AddConsumeObserver<CompletedConsumptions>();
        });
        var bus = service.Services.GetRequiredService<IBus>();
        var messageId = NewId.NextGuid();
        var message = new SomethingHappened(Guid.NewGuid(), "une seule fois");

        await bus.Publish(message, context => context.MessageId = messageId);
        await Eventually.UntilAsync(() => log.Count(messageId) == 1, Deadline, "the first delivery is consumed");
        await bus.Publish(message, context => context.MessageId = messageId);
        await Eventually.UntilAsync(() => log.Count(messageId) == 2, Deadline, "the duplicate is consumed too");

        Assert.Equal(1, await service.QueryAsync(db => db.Effects.CountAsync(e => e.MessageId == messageId)));
        Assert.Equal(1, await service.QueryAsync(db => db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId)));
    }

    [Fact]
    public async Task A_consumer_that_keeps_failing_is_retried_then_its_message_goes_to_the_error_queue()
    {
        var log = new DeliveryLog();
        var queue = Queue();
        await using var service = await MessagingHost.StartAsync(
            await infrastructure.CreateDatabaseAsync("failing"), infrastructure.RabbitMqConnectionString, queue,
            consumers => consumers.AddConsumer<AlwaysFailingConsumer>(), log);
        var messageId = NewId.NextGuid();

        await service.Services.GetRequiredService<IBus>().Publish(new SomethingFailed(Guid.NewGuid()), context => context.MessageId = messageId);

        var factory = new ConnectionFactory { Uri = new Uri(infrastructure.RabbitMqConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var faulted = await Eventually.ValueAsync(
            async () => await QueueExistsAsync(connection, $"{queue}_error") ? await channel.BasicGetAsync($"{queue}_error", autoAck: true) : null,
            Deadline, "the message reaches the error queue");

        Assert.Equal(messageId.ToString(), faulted.BasicProperties.MessageId);
        Assert.Equal(3, log.Count(messageId)); // the first attempt and two retries
    }

    [Fact]
    public async Task The_trace_of_the_request_continues_in_the_consumer()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var log = new DeliveryLog();
        await using var service = await StartAsync(log, consumers => consumers.AddConsumer<RecordingConsumer>());

        using var request = new Activity("POST /something").Start();
        var ids = await service.CommitEventsAsync(1, "traced");
        request.Stop();

        await Eventually.UntilAsync(() => log.Count(ids[0]) == 1, Deadline, "the event is delivered");
        Assert.Equal(request.TraceId, log.TraceOf(ids[0]));
    }

    private async Task<MessagingHost> StartAsync(DeliveryLog log, Action<IBusRegistrationConfigurator> consumers, IDictionary<string, string?>? settings = null) =>
        await MessagingHost.StartAsync(await infrastructure.CreateDatabaseAsync("messaging"), infrastructure.RabbitMqConnectionString, Queue(), consumers, log, settings);

    private static string Queue() => $"test-{Guid.NewGuid():N}";

    private static async Task<bool> QueueExistsAsync(IConnection connection, string queue)
    {
        // A passive declare of a missing queue closes its channel: use a throwaway one.
        try
        {
            await using var probe = await connection.CreateChannelAsync();
            await probe.QueueDeclarePassiveAsync(queue);
            return true;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return false;
        }
    }
}
