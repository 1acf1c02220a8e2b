using DotNet.Testcontainers.Configurations;
using Nege.LocalServers;
using Nege.ServiceDefaults.Data;
using Npgsql;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;
using Xunit;

namespace Nege.Testing;

/// <summary>
/// PostgreSQL and RabbitMQ for tests, from the first source that exists: connection strings in the
/// environment (<c>ConnectionStrings__postgres</c>, <c>ConnectionStrings__messaging</c>); else
/// Testcontainers when a Docker engine answers; else the same isolated local instances the AppHost
/// starts, in a temporary folder on free ports, removed afterwards.
/// </summary>
public sealed class TestInfrastructure : IAsyncLifetime
{
    private readonly List<Func<Task>> _cleanup = [];
    private string? _folder;

    public string PostgresConnectionString { get; private set; } = "";

    public string RabbitMqConnectionString { get; private set; } = "";

    /// <summary>Where the infrastructure came from: environment, testcontainers or local.</summary>
    public string Source { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var fromEnvironmentPostgres = Environment.GetEnvironmentVariable("ConnectionStrings__postgres");
        var fromEnvironmentRabbit = Environment.GetEnvironmentVariable("ConnectionStrings__messaging");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var postgres = StartPostgresAsync(fromEnvironmentPostgres, timeout.Token);
        var rabbitMq = StartRabbitMqAsync(fromEnvironmentRabbit, timeout.Token);
        try
        {
            await Task.WhenAll(postgres, rabbitMq);
        }
        catch
        {
            // Both attempts have ended here: stop whichever did start.
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        // Once only, even when a failed start already cleaned up.
        var cleanups = Enumerable.Reverse(_cleanup).ToList();
        _cleanup.Clear();
        foreach (var cleanup in cleanups)
        {
            await cleanup();
        }

        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>A new, empty database of its own, so tests never see each other's rows.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix.Replace('-', '_')}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)];
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = name }.ConnectionString;
        await PostgresDatabase.EnsureExistsAsync(connectionString, CancellationToken.None);
        return connectionString;
    }

    private static bool DockerIsReachable()
    {
        try
        {
            return TestcontainersSettings.OS.DockerEndpointAuthConfig is not null;
        }
        catch (Exception)
        {
            return false;
        }
    }

    private string TemporaryFolder()
    {
        lock (_cleanup)
        {
            _folder ??= Directory.CreateTempSubdirectory("nege-tests-").FullName;
            return _folder;
        }
    }

    private async Task StartPostgresAsync(string? fromEnvironment, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            PostgresConnectionString = fromEnvironment;
            Source = "environment";
            return;
        }

        if (DockerIsReachable())
        {
            var container = new PostgreSqlBuilder("postgres:15").Build();
            await container.StartAsync(cancellationToken);
            _cleanup.Add(() => container.DisposeAsync().AsTask());
            PostgresConnectionString = container.GetConnectionString();
            Source = "testcontainers";
            return;
        }

        var folder = Path.Combine(TemporaryFolder(), "postgres");
        Directory.CreateDirectory(folder);
        var postgres = new LocalPostgres(folder, Ports.Free(), Passwords.Generate(), durable: false);
        var running = await RunningServer.StartAsync(postgres, TimeSpan.FromSeconds(60), cancellationToken);
        _cleanup.Add(() => running.DisposeAsync().AsTask());
        PostgresConnectionString = postgres.ConnectionString();
        Source = "local";
    }

    private async Task StartRabbitMqAsync(string? fromEnvironment, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            RabbitMqConnectionString = fromEnvironment;
            return;
        }

        if (DockerIsReachable())
        {
            var container = new RabbitMqBuilder("rabbitmq:3.10-management").Build();
            await container.StartAsync(cancellationToken);
            _cleanup.Add(() => container.DisposeAsync().AsTask());
            RabbitMqConnectionString = container.GetConnectionString();
            return;
        }

        var folder = Path.Combine(TemporaryFolder(), "rabbitmq");
        Directory.CreateDirectory(folder);
        var rabbit = new LocalRabbitMq(folder, RabbitMqPorts.Free(), Passwords.Generate());
        var running = await RunningServer.StartAsync(rabbit, TimeSpan.FromSeconds(110), cancellationToken);
        _cleanup.Add(() => running.DisposeAsync().AsTask());
        RabbitMqConnectionString = rabbit.ConnectionString;
    }
}
