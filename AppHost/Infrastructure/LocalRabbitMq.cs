using System.Globalization;
using RabbitMQ.Client;

namespace Nege.AppHost.Infrastructure;

public sealed record RabbitMqPorts(int Amqp, int Management, int Distribution, int Epmd);

/// <summary>
/// An isolated RabbitMQ node from Debian's packages, with its management UI: its own folders, ports
/// and Erlang port mapper (so it shares nothing with another node and leaves nothing behind).
/// </summary>
public sealed class LocalRabbitMq(string folder, RabbitMqPorts ports, LogBuffer logs)
{
    public const string User = "nege";
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private const string NodeName = "nege@localhost";

    private ChildProcess? _epmd;
    private ChildProcess? _server;

    public RabbitMqPorts Ports => ports;

    public int? Pid => _server?.Pid;

    public Task<int>? Exited => _server?.Exited;

    public string Password { get; } = Secrets.ReadOrCreate(Path.Combine(folder, "password"));

    public string ConnectionString => $"amqp://{User}:{Password}@127.0.0.1:{ports.Amqp}";

    public string ManagementUrl => $"http://127.0.0.1:{ports.Management}";

    public static bool IsInstalled => File.Exists(ServerScript);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException("RabbitMQ is not installed (apt-get install rabbitmq-server).");
        }

        foreach (var sub in new[] { "home", "mnesia", "log" })
        {
            Directory.CreateDirectory(Path.Combine(folder, sub));
        }

        var config = Path.Combine(folder, "rabbitmq.conf");
        await File.WriteAllTextAsync(config, string.Join('\n',
            $"listeners.tcp.1 = 127.0.0.1:{ports.Amqp}",
            $"management.tcp.port = {ports.Management}",
            "management.tcp.ip = 127.0.0.1",
            $"default_user = {User}",
            $"default_pass = {Password}",
            "default_user_tags.administrator = true",
            "default_permissions.configure = .*",
            "default_permissions.read = .*",
            "default_permissions.write = .*",
            "log.console = true",
            "log.console.level = warning",
            "log.file = false",
            "") , cancellationToken);
        var plugins = Path.Combine(folder, "enabled_plugins");
        await File.WriteAllTextAsync(plugins, "[rabbitmq_management].\n", cancellationToken);

        await StopLeftoverAsync();
        _epmd = ChildProcess.Start("epmd", ["-port", Invariant(ports.Epmd)], logs, Environment(config, plugins));
        _server = ChildProcess.Start(ServerScript, [], logs, Environment(config, plugins), workingDirectory: folder);
    }

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            var factory = new ConnectionFactory { Uri = new Uri(ConnectionString), RequestedConnectionTimeout = TimeSpan.FromSeconds(3) };
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            return connection.IsOpen;
        }
        catch (Exception exception) when (exception is RabbitMQ.Client.Exceptions.BrokerUnreachableException or IOException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// Waits until the node accepts connections; fails at once, with the node's last log lines, if
    /// the node exits first (a port taken meanwhile, say) instead of waiting out the whole delay.
    /// </summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await IsReadyAsync(cancellationToken))
        {
            if (_server?.Exited.IsCompleted == true)
            {
                throw new InvalidOperationException(
                    $"RabbitMQ exited (code {await _server.Exited}) before accepting connections:{System.Environment.NewLine}{logs.Tail(40)}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"RabbitMQ does not accept connections after {timeout.TotalSeconds:0} s:{System.Environment.NewLine}{logs.Tail(40)}");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>SIGTERM makes the server script stop the node cleanly; then its port mapper goes.</summary>
    public async Task StopAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync(Posix.SigTerm, TimeSpan.FromSeconds(30));
        }

        if (_epmd is not null)
        {
            await _epmd.StopAsync(Posix.SigTerm, TimeSpan.FromSeconds(5));
        }
    }

    private Dictionary<string, string?> Environment(string config, string plugins) => new()
    {
        ["HOME"] = Path.Combine(folder, "home"),
        ["ERL_EPMD_PORT"] = Invariant(ports.Epmd),
        ["RABBITMQ_NODENAME"] = NodeName,
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = Invariant(ports.Amqp),
        ["RABBITMQ_DIST_PORT"] = Invariant(ports.Distribution),
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log"),
        ["RABBITMQ_PID_FILE"] = Path.Combine(folder, "rabbitmq.pid"),
        ["RABBITMQ_CONFIG_FILE"] = config,
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = plugins,
        ["RABBITMQ_LOGS"] = "-",
    };

    /// <summary>A node left running by an AppHost that was killed: stop it before starting ours.</summary>
    private async Task StopLeftoverAsync()
    {
        var pidFile = Path.Combine(folder, "rabbitmq.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid) && Posix.IsAlive(pid))
        {
            logs.Write($"Stopping a RabbitMQ node left running (pid {pid}).");
            Posix.Signal(pid, Posix.SigTerm);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (Posix.IsAlive(pid) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            if (Posix.IsAlive(pid))
            {
                Posix.Signal(pid, Posix.SigKill);
            }
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
