using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Nege.LocalServers;
using Nege.ServiceDefaults.Messaging;

namespace ServiceDefaults.Tests;

/// <summary>A service started during the broker's boot holds its bus until the broker listens.</summary>
public sealed class BrokerListenerWaitTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private static BrokerListenerWait WaitFor(int port, TimeSpan patience) =>
        new(new Uri($"amqp://nege:secret@127.0.0.1:{port}"), patience, NullLogger<BrokerListenerWait>.Instance);

    [Fact]
    public async Task The_start_goes_on_once_the_broker_listens_and_not_before()
    {
        var port = Ports.Free();
        var start = WaitFor(port, TimeSpan.FromMinutes(5)).StartAsync(CancellationToken.None);
        Assert.False(start.IsCompleted, "nothing listens yet: the start must wait");

        using var broker = new TcpListener(IPAddress.Loopback, port);
        broker.Start();

        await start.WaitAsync(Deadline);
        Assert.True(start.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_broker_that_never_listens_lets_the_start_go_on_after_the_patience()
    {
        var start = WaitFor(Ports.Free(), TimeSpan.FromMilliseconds(300)).StartAsync(CancellationToken.None);

        await start.WaitAsync(Deadline);
        Assert.True(start.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Stopping_the_service_while_it_waits_ends_the_wait()
    {
        using var stopping = new CancellationTokenSource();
        var start = WaitFor(Ports.Free(), TimeSpan.FromMinutes(5)).StartAsync(stopping.Token);

        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => start.WaitAsync(Deadline));
    }
}
