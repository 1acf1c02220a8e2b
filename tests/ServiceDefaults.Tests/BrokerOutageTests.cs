using Microsoft.EntityFrameworkCore;
using Nege.LocalServers;
using Nege.ServiceDefaults.Messaging;
using Nege.Testing;

namespace ServiceDefaults.Tests;

[Collection(MessagingCollection.Name)]
public sealed class BrokerOutageTests(TestInfrastructure infrastructure) : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nege-outage-").FullName;
    private readonly RabbitMqPorts _ports = RabbitMqPorts.Free();
    private readonly string _password = Passwords.Generate();
    private RunningServer _broker = null!;

    /// <summary>Same folder, same ports, same password: the same node comes back, with its queues.</summary>
    private LocalRabbitMq Node => new(_folder, _ports, _password);

    public async Task InitializeAsync() => _broker = await StartBrokerAsync();

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task An_event_committed_while_the_broker_is_down_is_delivered_once_it_is_back()
    {
        var log = new DeliveryLog();
        await using var service = await MessagingHost.StartAsync(
            await infrastructure.CreateDatabaseAsync("outage"), Node.ConnectionString, $"test-{Guid.NewGuid():N}",
            consumers => consumers.AddConsumer<RecordingConsumer>(), log,
            new Dictionary<string, string?> { ["Outbox:PollInterval"] = "00:00:00.200" });

        await _broker.DisposeAsync();
        var ids = await service.CommitEventsAsync(3, "pendant la panne");

        // The relay tries, fails, and keeps the rows: nothing is lost, nothing is marked sent.
        await Eventually.UntilAsync(
            () => service.QueryAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Attempts > 0)),
            TimeSpan.FromSeconds(30), "the relay has tried to publish");
        Assert.True(await service.QueryAsync(db => db.Set<OutboxMessage>().AllAsync(m => m.SentAt == null)));
        Assert.All(ids, id => Assert.Equal(0, log.Count(id)));

        _broker = await StartBrokerAsync();

        await Eventually.UntilAsync(() => ids.All(id => log.Count(id) == 1), TimeSpan.FromSeconds(90), "the events are delivered after the outage");
        await Eventually.UntilAsync(
            () => service.QueryAsync(db => db.Set<OutboxMessage>().AllAsync(m => m.SentAt != null)),
            TimeSpan.FromSeconds(30), "the rows are marked sent");
        Assert.All(ids, id => Assert.Equal(1, log.Count(id)));
    }

    private Task<RunningServer> StartBrokerAsync() => RunningServer.StartAsync(Node, TimeSpan.FromSeconds(120));
}
