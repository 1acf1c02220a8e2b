using Microsoft.Extensions.Configuration;
using Nege.AppHost.Infrastructure;

namespace Nege.AppHost.Hosting;

/// <summary>Declares the resources of the system, as Aspire's <c>IDistributedApplicationBuilder</c> does.</summary>
public sealed class DistributedApplicationBuilder
{
    private readonly List<Resource> _resources = [];

    public DistributedApplicationBuilder(AppHostOptions options, IConfiguration configuration)
    {
        Options = options;
        Configuration = configuration;
        Directory.CreateDirectory(options.StateDirectory);
        Ports = new PortAssignments(options.StateDirectory);
        Dashboard = options.EnableDashboard
            ? new DashboardPorts(PortFor("Dashboard", 18888), PortFor("OtlpGrpc", 18889), PortFor("OtlpHttp", 18890))
            : null;
    }

    /// <summary>Where the dashboard listens, and where services export telemetry (OTLP) to it.</summary>
    public DashboardPorts? Dashboard { get; }

    public AppHostOptions Options { get; }

    public IConfiguration Configuration { get; }

    public PortAssignments Ports { get; }

    public IReadOnlyList<Resource> Resources => _resources;

    public static DistributedApplicationBuilder CreateBuilder(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        var root = configuration["AppHost:RepositoryRoot"] ?? AppHostOptions.FindRepositoryRoot(AppContext.BaseDirectory);
        var options = new AppHostOptions
        {
            RepositoryRoot = root,
            StateDirectory = configuration["AppHost:StateDirectory"] ?? Path.Combine(root, ".state"),
            Verbose = args.Contains("--verbose", StringComparer.Ordinal),
        };
        return new DistributedApplicationBuilder(options, configuration);
    }

    /// <summary>A port from <c>AppHost:Ports:&lt;key&gt;</c>, else the documented default (when default ports are on), else a free one.</summary>
    public int PortFor(string key, int documentedDefault)
    {
        if (int.TryParse(Configuration[$"AppHost:Ports:{key}"], out var configured))
        {
            return Ports.Get(key, configured);
        }

        return Options.UseDefaultPorts ? Ports.Get(key, documentedDefault) : Ports.Get(key);
    }

    public PostgresServerResource AddPostgres(string name)
    {
        if (Configuration.GetConnectionString(name) is { Length: > 0 } existing)
        {
            return Add(new PostgresServerResource(name, existing));
        }

        var folder = Path.Combine(Options.StateDirectory, name);
        Directory.CreateDirectory(folder);
        var server = new PostgresServerResource(name, new LocalPostgres(folder, Ports.Get($"{name}:tcp"), Options.Durable, new LogBuffer()));
        return Add(server);
    }

    public PostgresDatabaseResource AddDatabase(PostgresServerResource server, string name, string databaseName)
    {
        var database = new PostgresDatabaseResource(name, databaseName, server);
        database.AddWaitForServer(server);
        return Add(database);
    }

    public RabbitMqResource AddRabbitMQ(string name)
    {
        if (Configuration.GetConnectionString(name) is { Length: > 0 } existing)
        {
            return Add(new RabbitMqResource(name, existing));
        }

        var folder = Path.Combine(Options.StateDirectory, name);
        Directory.CreateDirectory(folder);
        var ports = new RabbitMqPorts(
            Ports.Get($"{name}:amqp"), Ports.Get($"{name}:management"), Ports.Get($"{name}:distribution"), Ports.Get($"{name}:epmd"));
        return Add(new RabbitMqResource(name, new LocalRabbitMq(folder, ports, new LogBuffer())));
    }

    public MailDevResource AddMailDev(string name)
    {
        var folder = Path.Combine(Options.StateDirectory, name);
        var mailDev = new LocalMailDev(Options.RepositoryRoot, folder, PortFor("Smtp", 1025), PortFor("SmtpWeb", 1080), new LogBuffer());
        return Add(new MailDevResource(name, mailDev));
    }

    public ProjectResource AddProject(string name, string relativeDirectory, int? documentedPort = null)
    {
        var port = documentedPort is { } fixedPort ? PortFor(name, fixedPort) : Ports.Get(name);
        var project = new ProjectResource(name, Path.Combine(Options.RepositoryRoot, relativeDirectory), port);
        if (Dashboard is { } dashboard)
        {
            project
                .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", $"http://localhost:{dashboard.OtlpHttp}")
                .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "1000")
                .WithEnvironment("OTEL_BLRP_SCHEDULE_DELAY", "1000")
                .WithEnvironment("OTEL_METRIC_EXPORT_INTERVAL", "1000");
        }

        return Add(project);
    }

    public DistributedApplication Build()
    {
        Ports.Save();
        return new DistributedApplication(Options, _resources, Dashboard);
    }

    private T Add<T>(T resource) where T : Resource
    {
        if (_resources.Any(existing => existing.Name == resource.Name))
        {
            throw new InvalidOperationException($"Deux ressources s'appellent {resource.Name}.");
        }

        _resources.Add(resource);
        return resource;
    }
}

public sealed record DashboardPorts(int Http, int OtlpGrpc, int OtlpHttp);

internal static class ResourceWaits
{
    public static void AddWaitForServer(this PostgresDatabaseResource database, PostgresServerResource server) => database.AddWaitFor(server);
}
