using Nege.AppHost.Infrastructure;
using Npgsql;

namespace Nege.AppHost.Hosting;

/// <summary>A PostgreSQL server: the local isolated one, or an existing one given by its connection string.</summary>
public sealed class PostgresServerResource : Resource, IResourceWithConnectionString
{
    private readonly LocalPostgres? _local;
    private readonly string? _external;

    public PostgresServerResource(string name, LocalPostgres local) : base(name, "PostgreSQL") => _local = local;

    public PostgresServerResource(string name, string existingConnectionString) : base(name, "PostgreSQL (existant)") =>
        _external = existingConnectionString;

    public string ConnectionString => _external ?? _local!.ConnectionString();

    public override int? Pid => _local?.Pid;

    public override IReadOnlyList<ResourceEndpoint> Endpoints =>
        [new("tcp", $"tcp://{new NpgsqlConnectionStringBuilder(ConnectionString).Host}:{new NpgsqlConnectionStringBuilder(ConnectionString).Port}")];

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;

    protected override async Task<Task<int>?> StartCoreAsync(CancellationToken cancellationToken)
    {
        if (_local is null)
        {
            return null;
        }

        await _local.StartAsync(cancellationToken);
        return _local.Exited;
    }

    public override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres") + ";Pooling=false;Timeout=3");
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return false;
        }
    }

    protected override Task StopCoreAsync() => _local?.StopAsync() ?? Task.CompletedTask;
}

/// <summary>A database on a PostgreSQL server, created when missing (as Aspire's AddDatabase does).</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource server)
    : Resource(name, "Base PostgreSQL"), IResourceWithConnectionString
{
    public string DatabaseName => databaseName;

    public string ConnectionString => server.ConnectionStringFor(databaseName);

    public override int? Pid => null;

    protected override async Task<Task<int>?> StartCoreAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionStringFor("postgres") + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = databaseName });
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            Logs.Write($"Base {databaseName} créée.");
        }

        return null;
    }

    public override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false;Timeout=3");
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return false;
        }
    }

    protected override Task StopCoreAsync() => Task.CompletedTask;
}

/// <summary>A RabbitMQ broker: the local isolated node (with its management UI), or an existing one.</summary>
public sealed class RabbitMqResource : Resource, IResourceWithConnectionString
{
    private readonly LocalRabbitMq? _local;
    private readonly string? _external;

    public RabbitMqResource(string name, LocalRabbitMq local) : base(name, "RabbitMQ") => _local = local;

    public RabbitMqResource(string name, string existingConnectionString) : base(name, "RabbitMQ (existant)") =>
        _external = existingConnectionString;

    public string ConnectionString => _external ?? _local!.ConnectionString;

    public override int? Pid => _local?.Pid;

    public override IReadOnlyList<ResourceEndpoint> Endpoints => _local is null
        ? [new("amqp", $"amqp://{new Uri(ConnectionString).Host}:{new Uri(ConnectionString).Port}")]
        : [new("amqp", $"amqp://127.0.0.1:{_local.Ports.Amqp}"), new("management", _local.ManagementUrl)];

    protected override async Task<Task<int>?> StartCoreAsync(CancellationToken cancellationToken)
    {
        if (_local is null)
        {
            return null;
        }

        await _local.StartAsync(cancellationToken);
        return _local.Exited;
    }

    public override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) =>
        _local?.IsReadyAsync(cancellationToken) ?? LocalRabbitMqProbe.IsReachableAsync(ConnectionString, cancellationToken);

    protected override Task StopCoreAsync() => _local?.StopAsync() ?? Task.CompletedTask;
}

internal static class LocalRabbitMqProbe
{
    public static async Task<bool> IsReachableAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            var factory = new RabbitMQ.Client.ConnectionFactory { Uri = new Uri(connectionString) };
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            return connection.IsOpen;
        }
        catch (Exception exception) when (exception is RabbitMQ.Client.Exceptions.BrokerUnreachableException or IOException or TimeoutException)
        {
            return false;
        }
    }
}

/// <summary>The SMTP sink with its web UI.</summary>
public sealed class MailDevResource(string name, LocalMailDev mailDev) : Resource(name, "Serveur SMTP de test"), IResourceWithConnectionString
{
    public string ConnectionString => mailDev.ConnectionString;

    public string WebUrl => mailDev.WebUrl;

    public override int? Pid => mailDev.Pid;

    public override IReadOnlyList<ResourceEndpoint> Endpoints =>
        [new("web", mailDev.WebUrl), new("smtp", $"smtp://127.0.0.1:{mailDev.SmtpPort}")];

    protected override async Task<Task<int>?> StartCoreAsync(CancellationToken cancellationToken)
    {
        await mailDev.StartAsync(cancellationToken);
        return mailDev.Exited;
    }

    public override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => mailDev.IsReadyAsync(cancellationToken);

    protected override Task StopCoreAsync() => mailDev.StopAsync();
}
