using Nege.AppHost.Hosting;
using Nege.AppHost.Infrastructure;
using Xunit;

namespace Nege.Testing;

/// <summary>The SMTP sink the AppHost uses, on free ports in a temporary folder, for service tests.</summary>
public sealed class TestMailDev : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nege-maildev-").FullName;
    private LocalMailDev? _mailDev;

    public string ConnectionString => _mailDev!.ConnectionString;

    public SmtpSink Sink { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var root = AppHostOptions.FindRepositoryRoot(AppContext.BaseDirectory);
        _mailDev = new LocalMailDev(root, _folder, Ports.Free(), Ports.Free(), new LogBuffer());
        await _mailDev.StartAsync(CancellationToken.None);
        await Eventually.UntilAsync(() => _mailDev.IsReadyAsync(CancellationToken.None), TimeSpan.FromSeconds(30), "the SMTP sink answers");
        Sink = new SmtpSink(new Uri(_mailDev.WebUrl));
    }

    public async Task DisposeAsync()
    {
        Sink.Dispose();
        if (_mailDev is not null)
        {
            await _mailDev.StopAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }
}
