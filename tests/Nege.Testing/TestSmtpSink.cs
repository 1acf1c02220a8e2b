using Nege.LocalServers;
using Xunit;

namespace Nege.Testing;

/// <summary>The SMTP sink the AppHost runs (smtp4dev), on free ports in a temporary folder, for service tests.</summary>
public sealed class TestSmtpSink : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nege-smtp-").FullName;
    private LocalSmtpSink? _server;
    private RunningServer? _running;

    public string ConnectionString => _server!.ConnectionString;

    public SmtpSink Sink { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = new LocalSmtpSink(RepositoryRoot.Find(), _folder, Ports.Free(), Ports.Free());
        _running = await RunningServer.StartAsync(_server, TimeSpan.FromSeconds(60));
        Sink = new SmtpSink(_server.WebUrl);
    }

    public async Task DisposeAsync()
    {
        Sink?.Dispose();
        if (_running is not null)
        {
            await _running.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }
}
