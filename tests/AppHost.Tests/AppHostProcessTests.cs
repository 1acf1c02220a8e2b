using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Nege.LocalServers;
using Nege.Testing;

namespace AppHost.Tests;

/// <summary>The AppHost as ops run it (<c>./nege up</c>): the dashboard's login link once all is healthy; SIGTERM or Ctrl+C leaves nothing behind.</summary>
public sealed class AppHostProcessTests
{
    /// <summary>Ctrl+C (SIGINT) as in a terminal; SIGTERM goes through the same graceful stop of the host.</summary>
    [Fact]
    public async Task Ctrl_C_stops_every_resource_and_leaves_no_process_behind()
    {
        var state = Directory.CreateTempSubdirectory("nege-apphost-").FullName;
        var output = new LogBuffer();
        try
        {
            var dashboard = $"http://localhost:{Ports.Free()}";
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(AppHostAssembly());
            // What ./nege up sets, on free ports, with the secrets given (nothing written to the user's secrets).
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["DOTNET_ENVIRONMENT"] = "Development";
            start.Environment["ASPNETCORE_URLS"] = dashboard;
            start.Environment["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = $"http://localhost:{Ports.Free()}";
            start.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://localhost:{Ports.Free()}";
            start.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
            start.Environment["AppHost__StateDirectory"] = state;
            start.Environment["AppHost__Durable"] = "false";
            foreach (var port in new[] { "Gateway", "Smtp", "SmtpWeb" })
            {
                start.Environment[$"AppHost__Ports__{port}"] = Ports.Free().ToString(CultureInfo.InvariantCulture);
            }

            foreach (var secret in new[] { "site-client-secret", "postgres-password", "messaging-password" })
            {
                start.Environment[$"Parameters__{secret}"] = Passwords.Generate();
            }

            using var appHost = Process.Start(start)!;
            appHost.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Write(e.Data); } };
            appHost.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Write(e.Data, isError: true); } };
            appHost.BeginOutputReadLine();
            appHost.BeginErrorReadLine();

            await Eventually.UntilAsync(
                () => output.Tail(400).Contains("Tout est prêt", StringComparison.Ordinal) || appHost.HasExited,
                TimeSpan.FromMinutes(4), "the AppHost reports every resource healthy");
            Assert.False(appHost.HasExited, output.Tail(60));

            // The login link it prints opens the dashboard (Aspire's browser-token login).
            var login = output.Tail(400).Split('\n').Select(line => line.Trim()).Single(line => line.StartsWith("tableau de bord", StringComparison.Ordinal)).Split(' ').Last();
            Assert.StartsWith($"{dashboard}/login?t=", login, StringComparison.Ordinal);
            using (var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }))
            {
                using var withToken = await browser.GetAsync(new Uri(login));
                Assert.Contains(withToken.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith(".Aspire.Dashboard.Auth", StringComparison.Ordinal));
                using var withoutToken = await browser.GetAsync(new Uri(dashboard + "/"));
                Assert.Contains("/login", withoutToken.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
            }

            // DCP detaches from the AppHost (it watches the AppHost's pid): its processes are found through that.
            var processes = ProcessTree.OfAppHost(appHost.Id);
            Assert.True(processes.Count >= 10, $"the AppHost runs its resources as processes (found {processes.Count})");

            Assert.True(Posix.Signal(appHost.Id, Posix.SigInt));
            using (var exit = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
            {
                await appHost.WaitForExitAsync(exit.Token);
            }

            Assert.Equal(0, appHost.ExitCode);
            await Eventually.UntilAsync(() => !processes.Any(ProcessTree.IsRunning), TimeSpan.FromSeconds(60),
                "every process of the system has stopped");
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    private static string AppHostAssembly()
    {
        var configuration = typeof(AppHostProcessTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(RepositoryRoot.Find(), "AppHost", "bin", configuration, "net10.0", "Nege.AppHost.dll");
        Assert.True(File.Exists(dll), $"the AppHost is built at {dll}");
        return dll;
    }
}

internal static class ProcessTree
{
    /// <summary>The AppHost's descendants, and the DCP processes that watch it (<c>--monitor &lt;pid&gt;</c>) with theirs.</summary>
    public static IReadOnlyList<int> OfAppHost(int appHost)
    {
        var monitors = Directory.GetDirectories("/proc")
            .Select(directory => int.TryParse(Path.GetFileName(directory), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && CommandLine(pid).Contains($"--monitor {appHost} ", StringComparison.Ordinal))
            .ToList();
        return [.. DescendantsOf(appHost), .. monitors, .. monitors.SelectMany(DescendantsOf)];
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ') + " ";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    public static IReadOnlyList<int> DescendantsOf(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.GetDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && ParentOf(pid) is { } parent)
            {
                parents[pid] = parent;
            }
        }

        var found = new List<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.Count > 0)
        {
            var current = frontier.Dequeue();
            foreach (var child in parents.Where(p => p.Value == current).Select(p => p.Key))
            {
                found.Add(child);
                frontier.Enqueue(child);
            }
        }

        return found;
    }

    /// <summary>Running means alive and not a zombie waiting to be reaped.</summary>
    public static bool IsRunning(int pid) => StatusOf(pid) is { } status && status[0] != 'Z';

    private static int? ParentOf(int pid) =>
        StatFields(pid) is { } fields && int.TryParse(fields[1], out var parent) ? parent : null;

    private static string? StatusOf(int pid) => StatFields(pid)?[0];

    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may contain spaces, so split after the last ')'.
    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
