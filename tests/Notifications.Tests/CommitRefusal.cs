using Npgsql;

namespace Notifications.Tests;

/// <summary>
/// Makes the database refuse the first commit of a transaction that records an e-mail to one
/// recipient, and hold the next commit until <see cref="ReleaseAsync"/>: a deferred constraint
/// trigger fires at COMMIT, and waits on an advisory lock this helper holds.
/// </summary>
public sealed class CommitRefusal : IAsyncDisposable
{
    private readonly NpgsqlConnection _gate;
    private readonly string _connectionString;
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..12];
    private readonly long _lockKey = Random.Shared.NextInt64();

    private CommitRefusal(string connectionString, NpgsqlConnection gate)
    {
        _connectionString = connectionString;
        _gate = gate;
    }

    private string Sequence => $"test_commits_{_suffix}";

    private string Function => $"test_refuse_commit_{_suffix}";

    private string Trigger => $"test_refuse_commit_{_suffix}";

    public static async Task<CommitRefusal> InstallAsync(string connectionString, string recipient)
    {
        var gate = new NpgsqlConnection(connectionString);
        await gate.OpenAsync();
        var refusal = new CommitRefusal(connectionString, gate);
        await refusal.ExecuteAsync($"SELECT pg_advisory_lock({refusal._lockKey})");
        await refusal.ExecuteAsync(
            $"""
             CREATE SEQUENCE {refusal.Sequence};
             CREATE FUNCTION {refusal.Function}() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN
                 IF nextval('{refusal.Sequence}') = 1 THEN
                     RAISE EXCEPTION 'commit refused by the test';
                 END IF;
                 PERFORM pg_advisory_xact_lock({refusal._lockKey});
                 RETURN NULL;
             END $$;
             CREATE CONSTRAINT TRIGGER {refusal.Trigger} AFTER INSERT ON email_deliveries
                 DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                 WHEN (NEW.recipient = '{recipient.Replace("'", "''", StringComparison.Ordinal)}')
                 EXECUTE FUNCTION {refusal.Function}();
             """);
        return refusal;
    }

    /// <summary>How many commits reached the trigger: the refused one, then the one held.</summary>
    public async Task<long> CommitsAttemptedAsync()
    {
        await using var command = new NpgsqlCommand($"SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM {Sequence}", _gate);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Whether a commit is waiting on the gate now.</summary>
    public async Task<bool> CommitIsHeldAsync()
    {
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            _gate);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    public Task ReleaseAsync() => ExecuteAsync($"SELECT pg_advisory_unlock({_lockKey})");

    public async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(_connectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand(
                $"DROP TRIGGER IF EXISTS {Trigger} ON email_deliveries; DROP FUNCTION IF EXISTS {Function}(); DROP SEQUENCE IF EXISTS {Sequence};",
                connection);
            await drop.ExecuteNonQueryAsync();
        }

        await _gate.DisposeAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = new NpgsqlCommand(sql, _gate);
        await command.ExecuteNonQueryAsync();
    }
}
