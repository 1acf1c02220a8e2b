using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Nege.Contracts.Directory;

namespace Notifications.Tests;

/// <summary>
/// Directory's CV downloads on a loopback port: each test offers a contact message's file under its download token;
/// a request without that token is a 403, an unknown message a 404 (as Directory answers once the CV is erased).
/// </summary>
public sealed class DirectoryStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<Guid, (string Token, byte[] Content, string ContentType)> _files = new();

    private DirectoryStub(WebApplication app) => _app = app;

    public string BaseAddress { get; private set; } = "";

    /// <summary>Every download asked, with the token it came with and the status answered.</summary>
    public ConcurrentQueue<(Guid ContactMessageId, string? Token, int Status)> Downloads { get; } = new();

    public void Offer(Guid contactMessageId, string token, byte[] content, string contentType) =>
        _files[contactMessageId] = (token, content, contentType);

    public int DownloadsOf(Guid contactMessageId) => Downloads.Count(download => download.ContactMessageId == contactMessageId);

    public static async Task<DirectoryStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new DirectoryStub(app);
        app.MapGet("/api/directory/contact-messages/{id:guid}/cv", (Guid id, HttpRequest request) =>
        {
            var token = request.Headers[ContactAttachment.TokenHeader].ToString();
            IResult answer = !stub._files.TryGetValue(id, out var file) ? Results.NotFound()
                : token != file.Token ? Results.StatusCode(StatusCodes.Status403Forbidden)
                : Results.File(file.Content, file.ContentType);
            stub.Downloads.Enqueue((id, token, answer is IStatusCodeHttpResult { StatusCode: { } status } ? status : StatusCodes.Status200OK));
            return answer;
        });
        await app.StartAsync();
        stub.BaseAddress = app.Urls.Single(); // the port Kestrel chose
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
