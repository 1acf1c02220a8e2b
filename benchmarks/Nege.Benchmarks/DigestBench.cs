using Npgsql;
using NpgsqlTypes;

namespace Nege.Benchmarks;

/// <summary>
/// The daily digest for many subscribers: persons and one news item written straight into Notifications' database
/// (the events that would bring them take longer than the digest), then the day's digest made due again by deleting
/// its row, which the job (looking every second in the bench) re-creates at once.
/// </summary>
public static class DigestBench
{
    public const string Category = "Vie de l'association";

    public static async Task SeedAsync(string connectionString, int subscribers)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var now = DateTimeOffset.UtcNow;
        await using (var writer = await connection.BeginBinaryImportAsync(
                         "COPY notification_preferences (account_id, email, categories, changed_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < subscribers; i++)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await writer.WriteAsync($"abonne-{i}@bench.example", NpgsqlDbType.Text);
                await writer.WriteAsync(i % 5 == 0 ? new[] { Category, "Evénement public" } : new[] { Category }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync();
        }

        // Published an hour before the day's cut-off (midnight in the bench), after the previous one.
        await using var news = new NpgsqlCommand(
            """
            INSERT INTO news_items (id, title, category, summary, link, published_at, received_at)
            SELECT gen_random_uuid(), 'Assemblée générale ' || n, @category, 'L''assemblée générale se tiendra à Metz.',
                   'http://localhost/actualites/' || n, d.cut_off - interval '1 hour', d.cut_off - interval '1 hour'
            FROM generate_series(1, 3) n, (SELECT max(cut_off) AS cut_off FROM news_digests) d
            """, connection);
        news.Parameters.AddWithValue("category", Category);
        await news.ExecuteNonQueryAsync();
    }

    /// <summary>Makes today's digest due again; the job's next round (within a second) queues it.</summary>
    public static async Task RestartTodaysDigestAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var delete = new NpgsqlCommand(
            """
            DELETE FROM news_digest_recipients WHERE day = (SELECT max(day) FROM news_digests);
            DELETE FROM news_digests WHERE day = (SELECT max(day) FROM news_digests);
            """, connection);
        await delete.ExecuteNonQueryAsync();
    }

    /// <summary>Deletes the digests already sent, so that the next round's are the only ones measured.</summary>
    public static async Task ForgetSentDigestsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var delete = new NpgsqlCommand("DELETE FROM email_deliveries WHERE template = 'news-digest'", connection);
        await delete.ExecuteNonQueryAsync();
    }

    public static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The seconds between the first and the last digest e-mail the SMTP sink accepted, and how many.</summary>
    public static async Task<(long Sent, double Seconds)> SendingAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*), extract(epoch FROM max(sent_at) - min(sent_at))::float8 FROM email_deliveries WHERE template = 'news-digest' AND state = 'Sent'",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.IsDBNull(1) ? 0 : reader.GetDouble(1));
    }
}
