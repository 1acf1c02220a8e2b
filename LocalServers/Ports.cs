using System.Net;
using System.Net.Sockets;

namespace Nege.LocalServers;

public static class Ports
{
    // Ports come from below the kernel's ephemeral range (32768-60999 on Linux): a port taken from
    // inside it can be grabbed by any outgoing connection between the moment it is picked and the
    // moment a child process binds it, which made parallel test runs flaky.
    private const int LowestPort = 15000;
    private const int HighestPort = 32767;
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>A TCP port free on loopback now, outside the ephemeral range, never handed out twice by this process.</summary>
    public static int Free()
    {
        lock (HandedOut)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(LowestPort, HighestPort + 1);
                if (!HandedOut.Contains(port) && IsFree(port))
                {
                    HandedOut.Add(port);
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free TCP port between {LowestPort} and {HighestPort}.");
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
