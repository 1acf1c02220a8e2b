using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Nege.LocalServers;

/// <summary>
/// The SMTP sink: smtp4dev, a .NET tool pinned in the repository's <c>dotnet-tools.json</c>
/// (restored by <c>dotnet tool restore</c>), with a web UI to read every e-mail and a REST API.
/// </summary>
public sealed class LocalSmtpSink(string repositoryRoot, string folder, int smtpPort, int webPort) : ILocalServer
{
    private const string ToolId = "rnwood.smtp4dev";

    public int SmtpPort => smtpPort;

    public string ConnectionString => $"smtp://127.0.0.1:{smtpPort}";

    public Uri WebUrl => new($"http://localhost:{webPort}");

    public Task PrepareAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        return Task.CompletedTask;
    }

    /// <summary>The tool's own assembly, run by <c>dotnet exec</c> so that signals reach it (<c>dotnet tool run</c> would not pass SIGTERM on).</summary>
    public ServerCommand Command() => new("dotnet",
    [
        "exec", ToolAssembly(),
        $"--urls=http://127.0.0.1:{webPort.ToString(CultureInfo.InvariantCulture)}",
        $"--smtpport={smtpPort.ToString(CultureInfo.InvariantCulture)}",
        "--bindaddress=127.0.0.1", "--hostname=localhost",
        "--imapport=0", "--pop3port=0",
        $"--db={Path.Combine(folder, "smtp4dev.db")}",
        "--messagestokeep=100000", "--nousersettings",
    ], new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = folder, ["DOTNET_gcServer"] = "0" }, folder);

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken) =>
        await Probes.HttpAnswersAsync(new Uri($"http://127.0.0.1:{webPort}/api/server"), cancellationToken)
        && await Ports.AcceptsConnectionsAsync(smtpPort, cancellationToken);

    private string ToolAssembly()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(repositoryRoot, "dotnet-tools.json")));
        var version = manifest.RootElement.GetProperty("tools").GetProperty(ToolId).GetProperty("version").GetString();
        var packages = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                       ?? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        // The tool's package points to a package of its own per platform (rnwood.smtp4dev.linux-x64), which holds the program.
        var assembly = new[] { $"{ToolId}.{RuntimeInformation.RuntimeIdentifier}", ToolId }
            .Select(package => Path.Combine(packages, package, version!, "tools"))
            .Where(Directory.Exists)
            .SelectMany(tools => Directory.EnumerateFiles(tools, "Rnwood.Smtp4dev.dll", SearchOption.AllDirectories))
            .FirstOrDefault();
        return assembly ?? throw new InvalidOperationException(
            $"Le serveur SMTP de test (smtp4dev {version}) n'est pas restauré : lancez `dotnet tool restore` (./nege le fait).");
    }
}
