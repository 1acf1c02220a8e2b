using System.Globalization;
using Npgsql;

namespace Nege.LocalServers;

/// <summary>
/// An isolated PostgreSQL 15 server from Debian's packages: its own data folder, port and socket
/// folder, never the machine's system instance. As root it runs as the <c>postgres</c> user.
/// </summary>
public sealed class LocalPostgres(string folder, int port, string password, bool durable) : ILocalServer
{
    public const string User = "postgres";
    private static readonly string BinDirectory = FindBinDirectory();
    private bool _passwordApplied;

    public int Port => port;

    public string DataDirectory => Path.Combine(folder, "data");

    private string SocketDirectory => Path.Combine(folder, "run");

    public static bool IsInstalled => File.Exists(Path.Combine(BinDirectory, "postgres"));

    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={port};Username={User};Password={password};Database={database}";

    /// <summary>Creates the folders (owned by <c>postgres</c> when root) and, the first time, the cluster.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException("PostgreSQL 15 n'est pas installé (apt-get install postgresql).");
        }

        Directory.CreateDirectory(SocketDirectory);
        if (Posix.IsRoot)
        {
            await RunToEndAsync(["chown", "-R", $"{User}:{User}", folder], cancellationToken);
            foreach (var ancestor in Ancestors(folder))
            {
                Posix.MakeTraversable(ancestor);
            }
        }

        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            return;
        }

        // The first password is given through a file that lives only as long as initdb runs.
        var passwordFile = Path.Combine(folder, "initial-password");
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        try
        {
            if (Posix.IsRoot)
            {
                await RunToEndAsync(["chown", $"{User}:{User}", passwordFile], cancellationToken);
            }

            List<string> initdb =
            [
                Path.Combine(BinDirectory, "initdb"), "-D", DataDirectory, "-U", User, "-E", "UTF8", "--locale=C.UTF-8",
                "--auth-local=trust", "--auth-host=scram-sha-256", $"--pwfile={passwordFile}",
            ];
            if (!durable)
            {
                initdb.Add("--no-sync");
            }

            await RunToEndAsync(AsPostgresUser(initdb), cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>The server in the foreground; SIGTERM or SIGINT gives PostgreSQL's fast shutdown (committed data kept).</summary>
    public ServerCommand Command()
    {
        List<string> server =
        [
            Path.Combine(BinDirectory, "postgres"), "-D", DataDirectory, "-p", port.ToString(CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1", "-c", $"unix_socket_directories={SocketDirectory}",
            "-c", "max_connections=300", "-c", "log_min_messages=warning",
        ];
        if (!durable)
        {
            server.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }

        return new ServerCommand("/bin/sh", ServerCommand.InShell("", "INT", "", AsPostgresUser(server)), new Dictionary<string, string?>(), folder);
    }

    /// <summary>
    /// Ready once a query answers over TCP with the password. The password is (re)applied once per
    /// run through the private socket (trusted): the cluster keeps working when the password is
    /// generated anew while the data folder stays.
    /// </summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        if (!_passwordApplied)
        {
            try
            {
                var socket = new NpgsqlConnectionStringBuilder { Host = SocketDirectory, Port = port, Username = User, Database = "postgres", Pooling = false, Timeout = 3 };
                await using var connection = new NpgsqlConnection(socket.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                await using var alter = new NpgsqlCommand($"ALTER ROLE {User} PASSWORD '{password.Replace("'", "''", StringComparison.Ordinal)}'", connection);
                await alter.ExecuteNonQueryAsync(cancellationToken);
                _passwordApplied = true;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or IOException or System.Net.Sockets.SocketException)
            {
                return false;
            }
        }

        return await Probes.PostgresAnswersAsync(ConnectionString(), cancellationToken);
    }

    private static List<string> AsPostgresUser(List<string> command) =>
        Posix.IsRoot ? ["setpriv", $"--reuid={User}", $"--regid={User}", "--init-groups", "--", .. command] : command;

    private static IEnumerable<string> Ancestors(string path)
    {
        for (var directory = new DirectoryInfo(path).Parent; directory is not null && directory.FullName != "/"; directory = directory.Parent)
        {
            yield return directory.FullName;
        }
    }

    private static async Task RunToEndAsync(IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        var output = new LogBuffer();
        var process = ChildProcess.Start(command[0], command.Skip(1), output);
        if (await process.Exited.WaitAsync(cancellationToken) != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', command.Take(3))}… a échoué :{Environment.NewLine}{output.Tail(20)}");
        }
    }

    private static string FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        var preferred = Path.Combine(root, "15", "bin");
        if (Directory.Exists(preferred) || !Directory.Exists(root))
        {
            return preferred;
        }

        return Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin")).OrderDescending().FirstOrDefault(Directory.Exists) ?? preferred;
    }
}
