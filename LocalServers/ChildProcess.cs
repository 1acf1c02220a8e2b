using System.Diagnostics;

namespace Nege.LocalServers;

/// <summary>
/// A program started in a session of its own (so that a terminal's Ctrl+C reaches only the AppHost,
/// which then stops children in order), optionally as another user, with its output captured.
/// Stopping signals it, waits, then kills its whole process group, so nothing is left behind.
/// </summary>
public sealed class ChildProcess
{
    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public Task<int> Exited => _exited.Task;

    public bool HasExited => _exited.Task.IsCompleted;

    public static ChildProcess Start(
        string fileName,
        IEnumerable<string> arguments,
        LogBuffer logs,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? workingDirectory = null,
        string? runAsUser = null)
    {
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        if (runAsUser is not null)
        {
            foreach (var argument in new[] { "setpriv", $"--reuid={runAsUser}", $"--regid={runAsUser}", "--init-groups", "--" })
            {
                start.ArgumentList.Add(argument);
            }
        }

        start.ArgumentList.Add(fileName);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { logs.Write(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { logs.Write(e.Data, isError: true); } };
        process.Exited += (_, _) =>
        {
            // Let the output readers drain before reporting the exit.
            process.WaitForExit();
            child._exited.TrySetResult(process.ExitCode);
        };
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {fileName}.");
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Sends <paramref name="signal"/>, waits up to <paramref name="grace"/>, then kills the whole group.</summary>
    public async Task StopAsync(int signal, TimeSpan grace)
    {
        if (!HasExited)
        {
            Posix.Signal(Pid, signal);
            await Task.WhenAny(Exited, Task.Delay(grace));
        }

        // Sweep the group: helpers the program started (and a program that ignored the signal).
        Posix.SignalGroup(Pid, Posix.SigKill);
        await Task.WhenAny(Exited, Task.Delay(TimeSpan.FromSeconds(5)));
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (Posix.GroupIsAlive(Pid) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }
}
