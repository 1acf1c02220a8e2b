using System.Reflection;
using Nege.AppHost.Infrastructure;

namespace Nege.AppHost.Hosting;

/// <summary>
/// A .NET project of the solution, run from its build output with its configuration injected as
/// Aspire injects it (connection strings, service discovery, OpenTelemetry, URLs).
/// </summary>
public sealed class ProjectResource(string name, string projectDirectory, int port) : Resource(name, "Projet .NET")
{
    private static readonly string Configuration =
        typeof(ProjectResource).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(3) };

    private readonly Dictionary<string, Func<string>> _environment = new(StringComparer.Ordinal);
    private ChildProcess? _process;

    public int Port => port;

    public string HttpUrl => $"http://127.0.0.1:{port}";

    public string ProjectDirectory => projectDirectory;

    public override int? Pid => _process is { HasExited: false } ? _process.Pid : null;

    public override bool CanBeControlled => true;

    public override IReadOnlyList<ResourceEndpoint> Endpoints => [new("http", PublicUrl ?? HttpUrl)];

    /// <summary>The address people use (the gateway's <c>localhost</c> one), when it differs from the loopback URL.</summary>
    public string? PublicUrl { get; set; }

    public string BindAddress { get; set; } = "127.0.0.1";

    public ProjectResource WithEnvironment(string key, string value) => WithEnvironment(key, () => value);

    public ProjectResource WithEnvironment(string key, Func<string> value)
    {
        _environment[key] = value;
        return this;
    }

    /// <summary>Injects <c>ConnectionStrings__&lt;name&gt;</c> and waits for the resource to be healthy.</summary>
    public ProjectResource WithReference<TResource>(TResource resource) where TResource : Resource, IResourceWithConnectionString
    {
        WithEnvironment($"ConnectionStrings__{resource.Name}", () => resource.ConnectionString);
        return WaitFor(resource);
    }

    /// <summary>Injects <c>services__&lt;name&gt;__http__0</c>, read by service discovery as <c>http://&lt;name&gt;</c>.</summary>
    public ProjectResource WithReference(ProjectResource project)
    {
        WithEnvironment($"services__{project.Name}__http__0", () => project.HttpUrl);
        return this;
    }

    public ProjectResource WaitFor(Resource resource)
    {
        AddWaitFor(resource);
        return this;
    }

    public IReadOnlyDictionary<string, string?> BuildEnvironment()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = $"http://{BindAddress}:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
            ["LOGGING__CONSOLE__FORMATTERNAME"] = "simple",
            ["MASSTRANSIT_USAGE_TELEMETRY"] = "false",
            ["OTEL_SERVICE_NAME"] = Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={Guid.NewGuid()}",
            ["DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION"] = null,
        };
        foreach (var (key, value) in _environment)
        {
            environment[key] = value();
        }

        return environment;
    }

    protected override Task<Task<int>?> StartCoreAsync(CancellationToken cancellationToken)
    {
        var assemblyName = Directory.GetFiles(projectDirectory, "*.csproj").Select(Path.GetFileNameWithoutExtension).Single()!;
        var dll = Path.Combine(projectDirectory, "bin", Configuration, "net10.0", assemblyName + ".dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{Name} n'est pas compilé ({dll} manquant) : lancez `dotnet build Nege.sln -c {Configuration}`.");
        }

        _process = ChildProcess.Start("dotnet", [dll], Logs, BuildEnvironment(), workingDirectory: projectDirectory);
        return Task.FromResult<Task<int>?>(_process.Exited);
    }

    public override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Probe.GetAsync(new Uri($"{HttpUrl}/health"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGTERM: ASP.NET Core drains requests and stops its hosted services.</summary>
    protected override Task StopCoreAsync() => _process?.StopAsync(Posix.SigTerm, TimeSpan.FromSeconds(20)) ?? Task.CompletedTask;
}
