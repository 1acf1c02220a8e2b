using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Nege.LocalServers;

public sealed record RabbitMqPorts(int Amqp, int Management, int Distribution, int Epmd)
{
    public static RabbitMqPorts Free() => new(Ports.Free(), Ports.Free(), Ports.Free(), Ports.Free());
}

/// <summary>
/// An isolated RabbitMQ node from Debian's packages, with its management UI: its own folders, ports
/// and Erlang port mapper, so it shares nothing with another node and leaves nothing behind.
/// </summary>
public sealed class LocalRabbitMq(string folder, RabbitMqPorts ports, string password) : ILocalServer
{
    public const string User = "nege";
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private const string NodeName = "nege@localhost";

    public RabbitMqPorts Ports => ports;

    public static bool IsInstalled => File.Exists(ServerScript);

    public string ConnectionString => $"amqp://{User}:{password}@127.0.0.1:{ports.Amqp}";

    public string ManagementUrl => $"http://127.0.0.1:{ports.Management}";

    /// <summary>
    /// Writes the node's configuration. Its user comes from definitions imported at every boot, so
    /// the password given now holds even when the node's database was made with another one.
    /// </summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException("RabbitMQ n'est pas installé (apt-get install rabbitmq-server).");
        }

        foreach (var sub in new[] { "home", "mnesia", "log" })
        {
            Directory.CreateDirectory(Path.Combine(folder, sub));
        }

        var definitions = Path.Combine(folder, "definitions.json");
        await File.WriteAllTextAsync(definitions, Definitions(), cancellationToken);
        File.SetUnixFileMode(definitions, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await File.WriteAllTextAsync(ConfigFile, string.Join('\n',
            $"listeners.tcp.1 = 127.0.0.1:{ports.Amqp}",
            $"management.tcp.port = {ports.Management}",
            "management.tcp.ip = 127.0.0.1",
            $"load_definitions = {definitions}",
            "log.console = true",
            "log.console.level = warning",
            "log.file = false",
            ""), cancellationToken);
        await File.WriteAllTextAsync(PluginsFile, "[rabbitmq_management].\n", cancellationToken);
    }

    /// <summary>The node and its own Erlang port mapper in the foreground; SIGTERM stops the node cleanly, then the mapper.</summary>
    public ServerCommand Command()
    {
        var epmd = ports.Epmd.ToString(CultureInfo.InvariantCulture);
        // The mapper must listen before the node starts, or Erlang would start one of its own that outlives the node.
        var prelude = $"epmd -port {epmd} & epmd_pid=$!; until epmd -port {epmd} -names >/dev/null 2>&1; do sleep 0.05; done;";
        var epilogue = "kill -TERM \"$epmd_pid\" 2>/dev/null; wait \"$epmd_pid\";";
        // The services start during the node's boot (they wait for its listener, not for its health), and on two cores
        // they would take most of the CPU its boot needs: the longest step of a start. Only root may raise a priority.
        string[] node = Posix.IsRoot ? ["nice", "-n", "-10", ServerScript] : [ServerScript];
        return new ServerCommand("/bin/sh", ServerCommand.InShell(prelude, "TERM", epilogue, node), Environment(), folder);
    }

    public Task<bool> IsReadyAsync(CancellationToken cancellationToken) => Probes.RabbitMqAnswersAsync(ConnectionString, cancellationToken);

    private string ConfigFile => Path.Combine(folder, "rabbitmq.conf");

    private string PluginsFile => Path.Combine(folder, "enabled_plugins");

    private Dictionary<string, string?> Environment() => new()
    {
        ["HOME"] = Path.Combine(folder, "home"),
        ["ERL_EPMD_PORT"] = ports.Epmd.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_NODENAME"] = NodeName,
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = ports.Amqp.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_DIST_PORT"] = ports.Distribution.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log"),
        ["RABBITMQ_PID_FILE"] = Path.Combine(folder, "rabbitmq.pid"),
        ["RABBITMQ_CONFIG_FILE"] = ConfigFile,
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = PluginsFile,
        ["RABBITMQ_LOGS"] = "-",
    };

    /// <summary>The environment <c>rabbitmqctl</c> needs to reach this node (same HOME, hence the same Erlang cookie).</summary>
    public ServerCommand Control(params string[] arguments) =>
        new("rabbitmqctl", ["-n", NodeName, .. arguments], Environment(), folder);

    private string Definitions()
    {
        // RabbitMQ's rabbit_password_hashing_sha256: base64(salt ‖ SHA-256(salt ‖ password)), 4-byte salt.
        var salt = RandomNumberGenerator.GetBytes(4);
        var hash = SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(password)]);
        return JsonSerializer.Serialize(new
        {
            users = new[]
            {
                new { name = User, password_hash = Convert.ToBase64String([.. salt, .. hash]), hashing_algorithm = "rabbit_password_hashing_sha256", tags = new[] { "administrator" } },
            },
            vhosts = new[] { new { name = "/" } },
            permissions = new[] { new { user = User, vhost = "/", configure = ".*", write = ".*", read = ".*" } },
        });
    }
}
