using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Notifications.Tests;

/// <summary>
/// A TCP relay between the service and the SMTP sink that tests can take down (its port closed),
/// bring back, or hold (connections accepted but not served until released), and that keeps what
/// each client connection said, to count connections and read the envelope and headers sent.
/// </summary>
public sealed partial class SmtpProxy(int targetPort) : IAsyncDisposable
{
    private readonly int _port = Nege.LocalServers.Ports.Free();
    private readonly List<ProxiedConnection> _connections = [];
    private readonly CancellationTokenSource _disposed = new();
    private TcpListener? _listener;
    private TaskCompletionSource _held = Released();

    public string ConnectionString => $"smtp://127.0.0.1:{_port}";

    public IReadOnlyList<ProxiedConnection> Connections
    {
        get
        {
            lock (_connections)
            {
                return [.. _connections];
            }
        }
    }

    /// <summary>The connections in which the service gave <paramref name="recipient"/> as an envelope recipient.</summary>
    public IReadOnlyList<ProxiedConnection> ConnectionsTo(string recipient) =>
        Connections.Where(connection => connection.Recipients.Contains(recipient, StringComparer.OrdinalIgnoreCase)).ToList();

    public void Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, _port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _ = AcceptAsync(listener);
    }

    /// <summary>Closes the port and drops the open connections: the SMTP server is down.</summary>
    public void Stop()
    {
        _listener?.Stop();
        _listener = null;
        foreach (var connection in Connections)
        {
            connection.Close();
        }
    }

    /// <summary>New connections are accepted but get no greeting until <see cref="Release"/>.</summary>
    public void Hold() => _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _held.TrySetResult();

    public ValueTask DisposeAsync()
    {
        _disposed.Cancel();
        Release();
        Stop();
        _disposed.Dispose();
        return ValueTask.CompletedTask;
    }

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource();
        released.SetResult();
        return released;
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(_disposed.Token);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                return;
            }

            ProxiedConnection connection;
            lock (_connections)
            {
                connection = new ProxiedConnection(_connections.Count + 1, client);
                _connections.Add(connection);
            }

            _ = RelayAsync(connection, _held.Task);
        }
    }

    private async Task RelayAsync(ProxiedConnection connection, Task held)
    {
        try
        {
            await held.WaitAsync(_disposed.Token);
            using var server = new TcpClient();
            await server.ConnectAsync(IPAddress.Loopback, targetPort, _disposed.Token);
            connection.Server = server;
            var fromClient = CopyAsync(connection.Client.GetStream(), server.GetStream(), connection.Record);
            var fromServer = CopyAsync(server.GetStream(), connection.Client.GetStream(), _ => { });
            await Task.WhenAny(fromClient, fromServer);
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // A connection dropped by either side, or by Stop.
        }
        finally
        {
            connection.Close();
        }
    }

    private async Task CopyAsync(NetworkStream from, NetworkStream to, Action<ReadOnlyMemory<byte>> record)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, _disposed.Token)) > 0)
        {
            record(buffer.AsMemory(0, read));
            await to.WriteAsync(buffer.AsMemory(0, read), _disposed.Token);
        }
    }

    /// <summary>One connection the service opened, and what it sent.</summary>
    public sealed partial class ProxiedConnection(int number, TcpClient client)
    {
        private readonly StringBuilder _sent = new();

        public int Number => number;

        internal TcpClient Client => client;

        internal TcpClient? Server { get; set; }

        public string Sent
        {
            get
            {
                lock (_sent)
                {
                    return _sent.ToString();
                }
            }
        }

        /// <summary>The envelope recipients (<c>RCPT TO</c>), one per e-mail sent.</summary>
        public IReadOnlyList<string> Recipients => RecipientCommand().Matches(Sent).Select(match => match.Groups[1].Value).ToList();

        /// <summary>The <c>Message-ID</c> headers of the e-mails sent, without angle brackets.</summary>
        public IReadOnlyList<string> MessageIds => MessageIdHeader().Matches(Sent).Select(match => match.Groups[1].Value).ToList();

        internal void Record(ReadOnlyMemory<byte> bytes)
        {
            lock (_sent)
            {
                _sent.Append(Encoding.Latin1.GetString(bytes.Span));
            }
        }

        internal void Close()
        {
            client.Close();
            Server?.Close();
        }

        [GeneratedRegex(@"^RCPT TO:<([^>]+)>", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
        private static partial Regex RecipientCommand();

        [GeneratedRegex(@"^Message-Id:\s*<([^>]+)>", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
        private static partial Regex MessageIdHeader();
    }
}
