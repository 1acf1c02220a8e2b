using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Nege.LocalServers;

namespace Nege.AppHost.Infrastructure;

public enum InfrastructureMode
{
    /// <summary>Containers when an engine answers, local servers otherwise.</summary>
    Auto,
    Containers,
    Local,
}

/// <summary>The AppHost's own settings (section <c>AppHost</c>: environment <c>AppHost__…</c> or command line).</summary>
public sealed class AppHostSettings
{
    private readonly IConfiguration _configuration;

    public AppHostSettings(IDistributedApplicationBuilder builder)
    {
        _configuration = builder.Configuration.GetSection("AppHost");
        RepositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        StateDirectory = _configuration["StateDirectory"] ?? Path.Combine(RepositoryRoot, ".state");
        Durable = _configuration.GetValue("Durable", true);
        Infrastructure = _configuration.GetValue("Infrastructure", InfrastructureMode.Auto) is var mode and not InfrastructureMode.Auto
            ? mode
            : ContainerEngineAnswers() ? InfrastructureMode.Containers : InfrastructureMode.Local;
    }

    /// <summary>The repository (where <c>Nege.sln</c> and <c>dotnet-tools.json</c> are).</summary>
    public string RepositoryRoot { get; }

    /// <summary>Where the local servers keep their data (git-ignored <c>.state</c>; <c>./nege reset</c> wipes it).</summary>
    public string StateDirectory { get; }

    /// <summary>fsync on. The tests turn it off for speed, never <c>./nege up</c>.</summary>
    public bool Durable { get; }

    public InfrastructureMode Infrastructure { get; }

    /// <summary>A documented address's port (<c>AppHost:Ports:&lt;key&gt;</c> overrides it); it must be free now.</summary>
    public int DocumentedPort(string key, int documented)
    {
        var port = _configuration.GetValue($"Ports:{key}", documented);
        return Ports.IsFree(port)
            ? port
            : throw new InvalidOperationException(
                $"Le port {port} ({key}) est déjà utilisé : arrêtez ce qui l'occupe ou choisissez-en un autre (AppHost__Ports__{key}=…).");
    }

    public string StateFolder(string resource)
    {
        var folder = Path.Combine(StateDirectory, resource);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Aspire's runtime (docker, or podman through <c>ASPIRE_CONTAINER_RUNTIME</c>) answering <c>info</c> within 5 s.</summary>
    private static bool ContainerEngineAnswers()
    {
        var runtime = Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME") ?? "docker";
        try
        {
            using var info = Process.Start(new ProcessStartInfo(runtime, ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (info is null)
            {
                return false;
            }

            if (!info.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                info.Kill(entireProcessTree: true);
                return false;
            }

            return info.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no such program
        }
    }
}
