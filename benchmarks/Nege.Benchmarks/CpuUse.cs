using System.Diagnostics;
using System.Globalization;

namespace Nege.Benchmarks;

/// <summary>
/// The CPU time every process of the machine used since this was created, by what it is (a service,
/// a database's PostgreSQL backends, the broker…): where a load's time goes, measured.
/// </summary>
public sealed class CpuUse
{
    private readonly Dictionary<int, (string What, TimeSpan Cpu)> _start = Snapshot();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>« 41.2 s of CPU of 60 s (2 cores × 30 s), 12.0 ms per dossier: Nege.Candidates 14.1 s, postgres candidates 9.0 s, … ».</summary>
    public string Report(int items, string item, int top = 8)
    {
        var used = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var (pid, (what, cpu)) in Snapshot())
        {
            // A process started since counts whole; one whose id was reused by another counts from zero.
            var before = _start.TryGetValue(pid, out var start) && start.What == what ? start.Cpu : TimeSpan.Zero;
            used[what] = used.GetValueOrDefault(what) + (cpu - before);
        }

        var available = _clock.Elapsed * Environment.ProcessorCount;
        var total = used.Values.Aggregate(TimeSpan.Zero, (sum, cpu) => sum + cpu);
        var largest = used.Where(u => u.Value > TimeSpan.FromMilliseconds(50)).OrderByDescending(u => u.Value).Take(top)
            .Select(u => string.Create(CultureInfo.InvariantCulture, $"{u.Key} {u.Value.TotalSeconds:0.0} s"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{total.TotalSeconds:0.0} s of CPU of {available.TotalSeconds:0} s ({Environment.ProcessorCount} cores × {_clock.Elapsed.TotalSeconds:0.0} s), "
            + $"{total.TotalMilliseconds / Math.Max(items, 1):0.0} ms per {item}: {string.Join(", ", largest)}");
    }

    private static Dictionary<int, (string What, TimeSpan Cpu)> Snapshot()
    {
        var processes = new Dictionary<int, (string, TimeSpan)>();
        foreach (var process in Process.GetProcesses())
        {
            using (process)
            {
                try
                {
                    processes[process.Id] = (WhatIs(process), process.TotalProcessorTime);
                }
                catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException or IOException or UnauthorizedAccessException)
                {
                    // Exited meanwhile, or not ours to read.
                }
            }
        }

        return processes;
    }

    /// <summary>The project a <c>dotnet</c> host runs, the database a PostgreSQL backend serves, else the program's name.</summary>
    private static string WhatIs(Process process)
    {
        var commandLine = $"/proc/{process.Id}/cmdline";
        var arguments = File.Exists(commandLine) ? File.ReadAllText(commandLine).Split('\0', StringSplitOptions.RemoveEmptyEntries) : [];
        if (arguments.Length == 0)
        {
            return process.ProcessName;
        }

        // « postgres: user database 127.0.0.1(port) state »: a backend, named by its database.
        if (arguments[0].StartsWith("postgres: ", StringComparison.Ordinal))
        {
            var words = arguments[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return words.Length >= 5 && (words[3].Contains('(', StringComparison.Ordinal) || words[3] == "[local]") ? $"postgres {words[2]}" : "postgres (server)";
        }

        var program = Path.GetFileName(arguments[0]);
        return program == "dotnet" && arguments.FirstOrDefault(a => a.EndsWith(".dll", StringComparison.Ordinal)) is { } assembly
            ? Path.GetFileNameWithoutExtension(assembly)
            : program;
    }
}
