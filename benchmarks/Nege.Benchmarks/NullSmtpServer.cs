using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Nege.Benchmarks;

/// <summary>
/// An SMTP server that accepts every e-mail and keeps only a count: what the delivery worker can send when the server
/// costs nothing, beside smtp4dev (which stores and parses each one). No extension is offered, so every command waits
/// for its answer, as with a server without PIPELINING.
/// </summary>
public sealed class NullSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopped = new();
    private int _accepted;

    public NullSmtpServer()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public string ConnectionString => $"smtp://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public int Accepted => Volatile.Read(ref _accepted);

    private async Task AcceptAsync()
    {
        while (!_stopped.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopped.Token);
            }
            catch (Exception) when (_stopped.IsCancellationRequested)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.Latin1);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 localhost ESMTP null");
                while (await reader.ReadLineAsync(_stopped.Token) is { } line)
                {
                    var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                    switch (command)
                    {
                        case "DATA":
                            await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                            while (await reader.ReadLineAsync(_stopped.Token) is { } data && data != ".")
                            {
                            }

                            Interlocked.Increment(ref _accepted);
                            await writer.WriteLineAsync("250 accepted");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 bye");
                            return;
                        default:
                            await writer.WriteLineAsync(command is "EHLO" or "HELO" ? "250 localhost" : "250 ok");
                            break;
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or SocketException)
            {
                // The client left, or the bench is over.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopped.CancelAsync();
        _listener.Stop();
        _stopped.Dispose();
    }
}
