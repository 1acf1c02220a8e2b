using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests;

/// <summary>What a stub service saw of one proxied request.</summary>
public sealed record SeenRequest(
    string Service,
    string Method,
    string Path,
    string Query,
    string? ForwardedFor,
    string? ForwardedProto,
    string? ForwardedHost,
    long BodyLength,
    string? Authorization = null);

/// <summary>
/// A stand-in for one service behind the gateway, on real Kestrel at a free loopback port: answers
/// <c>/health</c> and echoes every other request (and remembers it), so tests see what the gateway forwarded.
/// </summary>
public sealed class StubService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SeenRequest> _seen = new();
    private int _healthProbes;
    private bool _stopped;

    private StubService(string name, WebApplication app)
    {
        Name = name;
        _app = app;
    }

    public string Name { get; }

    public Uri Address { get; private set; } = null!;

    /// <summary>Status the stub's <c>/health</c> answers with.</summary>
    public HttpStatusCode HealthStatus { get; set; } = HttpStatusCode.OK;

    public int HealthProbes => Volatile.Read(ref _healthProbes);

    public IReadOnlyList<SeenRequest> Seen => [.. _seen];

    public IReadOnlyList<SeenRequest> SeenAt(string path) =>
        _seen.Where(request => string.Equals(request.Path, path, StringComparison.Ordinal)).ToList();

    public static async Task<StubService> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);

        var app = builder.Build();
        var stub = new StubService(name, app);
        app.Run(stub.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        stub.Address = new Uri(address);
        return stub;
    }

    /// <summary>Stops listening: connections to <see cref="Address"/> are refused from now on.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path == "/health")
        {
            Interlocked.Increment(ref _healthProbes);
            context.Response.StatusCode = (int)HealthStatus;
            await context.Response.WriteAsync(HealthStatus.ToString(), context.RequestAborted);
            return;
        }

        var bodyLength = await LengthOfAsync(request.Body, context.RequestAborted);
        var seen = new SeenRequest(
            Name,
            request.Method,
            request.Path.Value ?? "",
            request.QueryString.Value ?? "",
            Header(request, "X-Forwarded-For"),
            Header(request, "X-Forwarded-Proto"),
            Header(request, "X-Forwarded-Host"),
            bodyLength,
            Header(request, "Authorization"));
        _seen.Enqueue(seen);
        await context.Response.WriteAsJsonAsync(seen, context.RequestAborted);
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;

    private static async Task<long> LengthOfAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        long length = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            length += read;
        }

        return length;
    }
}
