using System.Collections.Concurrent;
using System.Net;
using Nege.LocalServers;

namespace Nege.Testing;

/// <summary>A partner's receiving end on a local port: records every call with its headers, answers 500 to the first <c>failuresFirst</c>.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private int _failuresLeft;

    public WebhookReceiver(int failuresFirst = 0)
    {
        _failuresLeft = failuresFirst;
        Url = $"http://127.0.0.1:{Ports.Free()}/nege/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<Call> Calls { get; } = new();

    public ConcurrentQueue<Call> Accepted { get; } = new();

    public sealed record Call(IReadOnlyDictionary<string, string?> Headers, string Body)
    {
        public string? Header(string name) => Headers.GetValueOrDefault(name);
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var headers = context.Request.Headers.AllKeys.OfType<string>()
                .ToDictionary(key => key, key => context.Request.Headers[key], StringComparer.OrdinalIgnoreCase);
            var call = new Call(headers, await reader.ReadToEndAsync());
            Calls.Enqueue(call);
            var fail = Interlocked.Decrement(ref _failuresLeft) >= 0;
            context.Response.StatusCode = fail ? 500 : 200;
            context.Response.Close();
            if (!fail)
            {
                Accepted.Enqueue(call);
            }
        }
    }

    public void Dispose() => _listener.Close();
}
