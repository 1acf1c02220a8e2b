using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Nege.ServiceDefaults.Messaging;

/// <summary>
/// Holds the bus's start until the broker accepts TCP connections, for at most <paramref name="patience"/>. The AppHost
/// starts the services during the broker's boot, so that they build, migrate and warm up meanwhile. Without this wait,
/// every receive endpoint would retry its connection and log the failure with its stack trace several times a second,
/// taking CPU the broker's boot needs. Past the patience the bus starts anyway, and its own retries say what is wrong.
/// </summary>
public sealed class BrokerListenerWait(Uri broker, TimeSpan patience, ILogger<BrokerListenerWait> logger) : IHostedService
{
    public static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var port = broker.Port > 0 ? broker.Port : broker.Scheme == "amqps" ? 5671 : 5672;
        var waited = Stopwatch.StartNew();
        var waiting = false;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(broker.Host, port, cancellationToken);
                if (waiting)
                {
                    logger.LogInformation("Broker {Host}:{Port} listening after {ElapsedMs} ms", broker.Host, port, waited.ElapsedMilliseconds);
                }

                return;
            }
            catch (SocketException exception) when (waited.Elapsed < patience)
            {
                if (!waiting)
                {
                    logger.LogInformation("Waiting for broker {Host}:{Port} to listen ({Error})", broker.Host, port, exception.SocketErrorCode);
                    waiting = true;
                }

                await Task.Delay(Interval, cancellationToken);
            }
            catch (SocketException exception)
            {
                logger.LogWarning("Broker {Host}:{Port} still not listening after {Patience}: starting the bus anyway ({Error})",
                    broker.Host, port, patience, exception.SocketErrorCode);
                return;
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
