using System.Diagnostics;
using System.Globalization;
using Nege.AppHost.Infrastructure;
using Nege.Testing;

namespace AppHost.Tests;

/// <summary>The AppHost as ops run it (<c>./nege up</c>): a process that Ctrl+C stops, leaving nothing behind.</summary>
public sealed class AppHostProcessTests
{
    [Fact]
    public async Task Ctrl_C_stops_every_resource_and_leaves_no_process_behind()
    {
        var state = Directory.CreateTempSubdirectory("nege-apphost-").FullName;
        var output = new LogBuffer();
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(typeof(Nege.AppHost.Program).Assembly.Location);
            start.Environment["AppHost__StateDirectory"] = state;
            foreach (var port in new[] { "Gateway", "Dashboard", "Smtp", "SmtpWeb", "OtlpHttp", "OtlpGrpc" })
            {
                start.Environment[$"AppHost__Ports__{port}"] = Ports.Free().ToString(CultureInfo.InvariantCulture);
            }

            using var appHost = Process.Start(start)!;
            appHost.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Write(e.Data); } };
            appHost.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Write(e.Data, isError: true); } };
            appHost.BeginOutputReadLine();
            appHost.BeginErrorReadLine();

            await Eventually.UntilAsync(
                () => output.Tail(200).Contains("Tout est prêt", StringComparison.Ordinal) || appHost.HasExited,
                TimeSpan.FromMinutes(3), "the AppHost reports every resource ready");
            Assert.False(appHost.HasExited, output.Tail(60));
            Assert.Contains("gateway", output.Tail(200), StringComparison.Ordinal);

            var descendants = ProcessTree.DescendantsOf(appHost.Id);
            Assert.True(descendants.Count >= 10, $"the AppHost runs its resources as child processes (found {descendants.Count})");

            Assert.True(Posix.Signal(appHost.Id, Posix.SigInt));
            using (var exit = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
            {
                await appHost.WaitForExitAsync(exit.Token);
            }

            Assert.Equal(0, appHost.ExitCode);
            Assert.Contains("Tout est arrêté.", output.Tail(50), StringComparison.Ordinal);
            var survivors = descendants.Where(ProcessTree.IsRunning).ToList();
            Assert.True(survivors.Count == 0, $"still running after Ctrl+C: {string.Join(", ", survivors.Select(ProcessTree.Describe))}");
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }
}

internal static class ProcessTree
{
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

    public static string Describe(int pid)
    {
        try
        {
            return $"{pid} {File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ')}";
        }
        catch (IOException)
        {
            return pid.ToString(CultureInfo.InvariantCulture);
        }
    }

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
