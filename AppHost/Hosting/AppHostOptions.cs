namespace Nege.AppHost.Hosting;

public sealed class AppHostOptions
{
    /// <summary>The repository (where <c>Nege.sln</c> is); projects and tools are found from it.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>Where PostgreSQL, RabbitMQ and the SMTP sink keep their data (git-ignored <c>.state</c> by default).</summary>
    public required string StateDirectory { get; init; }

    /// <summary>Durable infrastructure (fsync on). Tests turn it off for speed.</summary>
    public bool Durable { get; init; } = true;

    /// <summary>Use the documented addresses (gateway 8080, dashboard 18888, SMTP sink 1080/1025); otherwise free ports.</summary>
    public bool UseDefaultPorts { get; init; } = true;

    public bool EnableDashboard { get; init; } = true;

    /// <summary>Echo every resource's output to the console, prefixed with its name.</summary>
    public bool Verbose { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(3);

    public static string FindRepositoryRoot(string from)
    {
        for (var directory = new DirectoryInfo(from); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Nege.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Nege.sln introuvable au-dessus de {from}.");
    }
}
