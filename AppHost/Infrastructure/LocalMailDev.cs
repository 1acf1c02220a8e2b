using System.Globalization;

namespace Nege.AppHost.Infrastructure;

/// <summary>The SMTP sink (MailDev from npm, pinned in tools/smtp-sink): SMTP in, a web UI and REST API out.</summary>
public sealed class LocalMailDev(string repositoryRoot, string folder, int smtpPort, int webPort, LogBuffer logs)
{
    private ChildProcess? _process;

    public int SmtpPort => smtpPort;

    public int WebPort => webPort;

    public int? Pid => _process?.Pid;

    public Task<int>? Exited => _process?.Exited;

    public string ConnectionString => $"smtp://127.0.0.1:{smtpPort}";

    public string WebUrl => $"http://localhost:{webPort}";

    public static string ScriptPath(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "tools", "smtp-sink", "node_modules", "maildev", "dist", "bin", "maildev.js");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var script = ScriptPath(repositoryRoot);
        if (!File.Exists(script))
        {
            throw new InvalidOperationException(
                $"The SMTP sink is not installed: run `npm ci --prefix tools/smtp-sink` (./nege up does it). Missing: {script}");
        }

        var mail = Path.Combine(folder, "mail");
        Directory.CreateDirectory(mail);
        _process = ChildProcess.Start("node",
        [
            script,
            "--smtp", smtpPort.ToString(CultureInfo.InvariantCulture),
            "--web", webPort.ToString(CultureInfo.InvariantCulture),
            "--ip", "127.0.0.1",
            "--web-ip", "127.0.0.1",
            "--mail-directory", mail,
        ], logs);
        return Task.CompletedTask;
    }

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
            using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{webPort}/api/healthz"), cancellationToken);
            return response.IsSuccessStatusCode && await Ports.AcceptsConnectionsAsync(smtpPort, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public Task StopAsync() => _process?.StopAsync(Posix.SigTerm, TimeSpan.FromSeconds(5)) ?? Task.CompletedTask;
}
