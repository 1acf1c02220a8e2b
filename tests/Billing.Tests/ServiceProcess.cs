using System.Diagnostics;
using System.Reflection;
using System.Text;
using Nege.Testing;

namespace Billing.Tests;

/// <summary>The built Billing service run as a deploy job would run it: <c>dotnet Nege.Billing.dll</c> in a process of its own.</summary>
internal static class ServiceProcess
{
    public sealed record Outcome(int ExitCode, string Output);

    public static string DllPath
    {
        get
        {
            var configuration = typeof(ServiceProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var root = RepositoryRoot.Find();
            return Path.Combine(root, "services", "Billing", "bin", configuration, "net10.0", "Nege.Billing.dll");
        }
    }

    /// <summary>
    /// Runs the service with <paramref name="arguments"/> and waits for it to exit by itself within
    /// <paramref name="deadline"/>; a process still running then is killed and the test fails.
    /// </summary>
    public static async Task<Outcome> RunToExitAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, TimeSpan deadline)
    {
        var dll = DllPath;
        Assert.True(File.Exists(dll), $"the service is built at {dll}");

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Only what the test gives: nothing inherited may supply (or hide) a connection string.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
                                                              || k.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in environment)
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

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        Assert.True(process.Start());
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            lock (output)
            {
                Assert.Fail($"The service was still running after {deadline.TotalSeconds:0} s; output:\n{output}");
            }
        }

        // The parameterless wait lets the output readers drain.
        process.WaitForExit();
        lock (output)
        {
            return new Outcome(process.ExitCode, output.ToString());
        }
    }
}
