using Npgsql;

namespace Nege.AppHost.Infrastructure;

/// <summary>
/// An isolated PostgreSQL 15 server from Debian's packages: its own data folder, port and socket
/// folder, never the machine's system instance. As root it runs as the <c>postgres</c> user.
/// </summary>
public sealed class LocalPostgres(string folder, int port, bool durable, LogBuffer logs)
{
    public const string User = "postgres";
    private static readonly string BinDirectory = FindBinDirectory();

    private ChildProcess? _process;

    public int Port => port;

    public int? Pid => _process?.Pid;

    public Task<int>? Exited => _process?.Exited;

    public string Password { get; } = Secrets.ReadOrCreate(Path.Combine(folder, "password"));

    private string DataDirectory => Path.Combine(folder, "data");

    private string SocketDirectory => Path.Combine(folder, "run");

    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={port};Username={User};Password={Password};Database={database}";

    public static bool IsInstalled => Directory.Exists(BinDirectory);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException("PostgreSQL 15 is not installed (apt-get install postgresql).");
        }

        Directory.CreateDirectory(SocketDirectory);
        var runAs = Posix.IsRoot ? User : null;
        if (runAs is not null)
        {
            await RunAsync("chown", ["-R", $"{User}:{User}", folder], cancellationToken);
            foreach (var ancestor in Ancestors(folder))
            {
                Posix.MakeTraversable(ancestor);
            }
        }

        await StopLeftoverAsync();
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            var passwordFile = Path.Combine(folder, "password");
            var initdb = new List<string>
            {
                "-D", DataDirectory, "-U", User, "-E", "UTF8", "--locale=C.UTF-8",
                "--auth-local=trust", "--auth-host=scram-sha-256", $"--pwfile={passwordFile}",
            };
            if (!durable)
            {
                initdb.Add("--no-sync");
            }

            var init = ChildProcess.Start(Path.Combine(BinDirectory, "initdb"), initdb, logs, runAsUser: runAs);
            if (await init.Exited != 0)
            {
                throw new InvalidOperationException($"initdb failed:{Environment.NewLine}{logs.Tail(20)}");
            }
        }

        var arguments = new List<string>
        {
            "-D", DataDirectory, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1", "-c", $"unix_socket_directories={SocketDirectory}",
            "-c", "max_connections=300", "-c", "log_min_messages=warning",
        };
        if (!durable)
        {
            arguments.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }

        _process = ChildProcess.Start(Path.Combine(BinDirectory, "postgres"), arguments, logs, runAsUser: runAs);
    }

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString() + ";Pooling=false;Timeout=3");
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Fast shutdown (SIGINT): rolls back open transactions, keeps committed data.</summary>
    public Task StopAsync() => _process?.StopAsync(Posix.SigInt, TimeSpan.FromSeconds(15)) ?? Task.CompletedTask;

    /// <summary>A server left running by an AppHost that was killed: stop it before starting ours.</summary>
    private async Task StopLeftoverAsync()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) || !Posix.IsAlive(pid))
        {
            return;
        }

        logs.Write($"Stopping a PostgreSQL server left running (pid {pid}).");
        Posix.Signal(pid, Posix.SigInt);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (Posix.IsAlive(pid) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    private static IEnumerable<string> Ancestors(string path)
    {
        for (var directory = new DirectoryInfo(path).Parent; directory is not null && directory.FullName != "/"; directory = directory.Parent)
        {
            yield return directory.FullName;
        }
    }

    private async Task RunAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var process = ChildProcess.Start(program, arguments, logs);
        if (await process.Exited.WaitAsync(cancellationToken) != 0)
        {
            throw new InvalidOperationException($"{program} failed:{Environment.NewLine}{logs.Tail(10)}");
        }
    }

    private static string FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        return Directory.Exists(Path.Combine(root, "15", "bin"))
            ? Path.Combine(root, "15", "bin")
            : Directory.Exists(root)
                ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin")).OrderDescending().FirstOrDefault(Directory.Exists) ?? Path.Combine(root, "15", "bin")
                : Path.Combine(root, "15", "bin");
    }
}
