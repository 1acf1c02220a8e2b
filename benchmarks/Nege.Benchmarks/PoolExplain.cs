using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Nege.ServiceDefaults;
using Npgsql;

namespace Nege.Benchmarks;

/// <summary>One statement Candidates ran for a search, as PostgreSQL logged it: its SQL, its parameters and its server time.</summary>
public sealed record LoggedStatement(string Sql, IReadOnlyDictionary<int, string> Parameters, double Milliseconds)
{
    /// <summary>The SQL with its parameters written in as literals: what EXPLAIN can run (the plan PostgreSQL makes for an unnamed statement).</summary>
    public string WithLiterals() => Regex.Replace(Sql, @"\$(\d+)\b", m => Parameters.TryGetValue(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), out var literal) ? literal : m.Value);
}

/// <summary>
/// Why a search takes the time it does, on the actual SQL: PostgreSQL logs every statement for a moment
/// (<c>log_min_duration_statement = 0</c>, read back from its console through Aspire), each search of the mix runs
/// once through the gateway, and each of its statements is run again under <c>EXPLAIN (ANALYZE, BUFFERS)</c> with
/// the parameters it had. Written to a file: <c>./nege bench --only pool --explain plans.txt</c>.
/// </summary>
public static partial class PoolExplain
{
    public static async Task<string> ExplainAsync(
        DistributedApplication app, string candidatesDatabase, HttpClient gateway, string token, IReadOnlyList<PoolQuery> queries)
    {
        var lines = new List<string>();
        using var stop = new CancellationTokenSource();
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        // Its console is kept under the name DCP gave the running process, not the app model's.
        var postgres = (await app.ResourceNotifications.WaitForResourceAsync(ResourceNames.Postgres, _ => true)).ResourceId;
        var watching = Task.Run(async () =>
        {
            try
            {
                await foreach (var batch in logs.WatchAsync(postgres).WithCancellation(stop.Token))
                {
                    lock (lines)
                    {
                        lines.AddRange(batch.Select(l => l.Content));
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Done.
            }
        });

        await SetAsync(candidatesDatabase, "ALTER SYSTEM SET log_min_duration_statement = 0");
        var byQuery = new List<(PoolQuery Query, List<LoggedStatement> Statements)>();
        try
        {
            var seen = 0;
            foreach (var query in queries)
            {
                using (var response = await PoolBench.SendAsync(gateway, token, query))
                {
                    await response.Content.ReadAsByteArrayAsync();
                }

                // Each search is two statements on talent_cards: the count, then the page.
                List<LoggedStatement> statements = [];
                var deadline = DateTime.UtcNow.AddSeconds(10);
                while (DateTime.UtcNow < deadline)
                {
                    List<string> copy;
                    lock (lines)
                    {
                        copy = [.. lines];
                    }

                    statements = [.. Statements(copy).Skip(seen)];
                    if (statements.Count >= 2)
                    {
                        break;
                    }

                    await Task.Delay(100);
                }

                seen += statements.Count;
                byQuery.Add((query, statements));
            }
        }
        finally
        {
            await SetAsync(candidatesDatabase, "ALTER SYSTEM RESET log_min_duration_statement");
            await stop.CancelAsync();
            await watching;
        }

        var report = new StringBuilder();
        var summary = new StringBuilder();
        await using var connection = new NpgsqlConnection(candidatesDatabase);
        await connection.OpenAsync();
        summary.AppendLine("The table (after VACUUM (ANALYZE)):");
        summary.AppendLine();
        summary.AppendLine(await TableFactsAsync(connection));
        summary.AppendLine("Execution times in ms of each statement a search ran: as Candidates ran it (the server's log), then EXPLAIN ANALYZE of the same SQL "
            + "as it is and in variants, each run twice and the second reported (the variants are measurements of suggestions, not what the service does):");
        summary.AppendLine("- one tsquery: when the query has no feminine word, « f(q) || f(q) » becomes « f(q) » (TalentSearch ORs the query with its masculine form even when they are the same);");
        summary.AppendLine("- tsquery once: each « f(q) || f(masculine) » replaced by its value, a literal (instead of being evaluated for each row);");
        summary.AppendLine("- count capped: the count stops at 1 001 (« plus de 1 000 »);");
        summary.AppendLine("- card's columns: the page selects only what the card shows, not the two tsvectors, the texts they are made of and the skill keys;");
        summary.AppendLine("- date index: as it is, with an index on (published_at DESC, id) WHERE status IN ('Published', 'InRecruitment') created for the experiment;");
        summary.AppendLine("- inline: as it is, once the table is rewritten with toast_tuple_target = 8160, so that no search vector is stored out of line in TOAST (the date index dropped);");
        summary.AppendLine("- together: inline, the date index, one tsquery, and the count capped.");
        summary.AppendLine();
        var measured = new List<(PoolQuery Query, bool Count, LoggedStatement Statement, string Rows, string[] Times)>();
        foreach (var (query, statements) in byQuery)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"=== {query.Name} ({PoolBench.Route}?{query.Query}): {statements.Count} statements on talent_cards");
            foreach (var statement in statements)
            {
                var count = statement.Sql.TrimStart().StartsWith("SELECT count(*)", StringComparison.OrdinalIgnoreCase);
                report.AppendLine(CultureInfo.InvariantCulture, $"--- {(count ? "count" : "page")}, {statement.Milliseconds:0.000} ms when Candidates ran it; parameters: {string.Join(", ", statement.Parameters.OrderBy(p => p.Key).Select(p => $"${p.Key} = {p.Value}"))}");
                report.AppendLine(statement.Sql);
                var sql = statement.WithLiterals();
                var (asIs, rows) = await PlanAsync(connection, sql, report, "as it is");
                var single = SingleQuery(sql);
                var one = single == sql ? "–" : (await PlanAsync(connection, single, report, "one tsquery")).Milliseconds;
                var folded = await FoldQueriesAsync(connection, sql);
                var once = folded == sql ? "–" : (await PlanAsync(connection, folded, report, "each tsquery computed once")).Milliseconds;
                var variant = count
                    ? (await PlanAsync(connection, CappedCount(sql), report, "count capped at 1 001")).Milliseconds
                    : (await PlanAsync(connection, CardColumnsOnly(sql), report, "the card's columns only")).Milliseconds;
                measured.Add((query, count, statement, rows, [asIs, one, once, variant]));
            }

            report.AppendLine();
        }

        // The experiments that change the table: an index for the newest cards first, then the rows rewritten with their vectors inline.
        const string dateIndex = "CREATE INDEX bench_talent_cards_pool_by_date ON talent_cards (published_at DESC, id) WHERE status IN ('Published', 'InRecruitment'); ANALYZE talent_cards";
        const string noDateIndex = "DROP INDEX IF EXISTS bench_talent_cards_pool_by_date; ANALYZE talent_cards";
        var withIndex = new List<string>();
        var inline = new List<string>();
        var together = new List<string>();
        report.AppendLine("=== With an index on (published_at DESC, id) WHERE status IN ('Published', 'InRecruitment'), created for the experiment:");
        await ExecuteAsync(connection, dateIndex);
        try
        {
            foreach (var (query, count, statement, _, _) in measured)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"--- {query.Name}, {(count ? "count" : "page")}");
                withIndex.Add((await PlanAsync(connection, statement.WithLiterals(), report, "with the date index")).Milliseconds);
            }

            await ExecuteAsync(connection, noDateIndex);
            report.AppendLine("=== The table rewritten with toast_tuple_target = 8160 (VACUUM FULL), every search vector inline:");
            await ExecuteAsync(connection, "ALTER TABLE talent_cards SET (toast_tuple_target = 8160); VACUUM FULL talent_cards; ANALYZE talent_cards");
            var rewritten = await TableFactsAsync(connection);
            report.AppendLine(rewritten);
            foreach (var (query, count, statement, _, _) in measured)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"--- {query.Name}, {(count ? "count" : "page")}");
                inline.Add((await PlanAsync(connection, statement.WithLiterals(), report, "inline")).Milliseconds);
            }

            report.AppendLine("=== Together: inline, the date index, one tsquery, the count capped:");
            await ExecuteAsync(connection, dateIndex);
            foreach (var (query, count, statement, _, _) in measured)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"--- {query.Name}, {(count ? "count" : "page")}");
                var sql = SingleQuery(statement.WithLiterals());
                together.Add((await PlanAsync(connection, count ? CappedCount(sql) : sql, report, "together")).Milliseconds);
            }

            summary.AppendLine("Rewritten with toast_tuple_target = 8160:");
            summary.AppendLine();
            summary.AppendLine(rewritten);
        }
        finally
        {
            await ExecuteAsync(connection, noDateIndex);
        }

        summary.AppendLine("| search | statement | rows (largest node) | run by Candidates | EXPLAIN ANALYZE as it is | one tsquery | tsquery once | count capped / card's columns | date index | inline | together |");
        summary.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var ((query, count, statement, rows, times), i) in measured.Select((m, i) => (m, i)))
        {
            summary.AppendLine(CultureInfo.InvariantCulture,
                $"| {query.Name} | {(count ? "count" : "page")} | {rows} | {statement.Milliseconds:0.0} | {string.Join(" | ", times)} | {withIndex[i]} | {inline[i]} | {together[i]} |");
        }

        // Per search (its count and its page), on average over the mix.
        double Mean(Func<int, string> time) => measured.Select((_, i) => double.TryParse(time(i), CultureInfo.InvariantCulture, out var ms) ? ms : double.NaN)
            .Where(ms => !double.IsNaN(ms)).Sum() / Math.Max(1, byQuery.Count);
        summary.AppendLine();
        summary.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Server time per search, on average over the mix (count + page): {measured.Sum(m => m.Statement.Milliseconds) / Math.Max(1, byQuery.Count):0.0} ms as Candidates ran them, "
            + $"{Mean(i => measured[i].Times[0]):0.0} ms under EXPLAIN ANALYZE as they are, {Mean(i => together[i]):0.0} ms with the suggestions together."));

        return summary + Environment.NewLine + report;
    }

    /// <summary>The sizes of the table, its TOAST and its indexes, and of the values a search reads.</summary>
    private static async Task<string> TableFactsAsync(NpgsqlConnection connection)
    {
        var facts = new StringBuilder();
        await using (var sizes = new NpgsqlCommand(
            """
            SELECT c.relname, pg_relation_size(c.oid), coalesce(c.reltuples, 0)::bigint
            FROM pg_class c
            WHERE c.oid = 'talent_cards'::regclass
               OR c.oid = (SELECT reltoastrelid FROM pg_class WHERE oid = 'talent_cards'::regclass)
               OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = 'talent_cards'::regclass)
            ORDER BY pg_relation_size(c.oid) DESC
            """, connection))
        await using (var reader = await sizes.ExecuteReaderAsync())
        {
            var parts = new List<string>();
            while (await reader.ReadAsync())
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{reader.GetString(0)} {reader.GetInt64(1) / 1_048_576.0:0.0} MiB ({reader.GetInt64(2)} rows)"));
            }

            facts.AppendLine("- sizes: " + string.Join(", ", parts));
        }

        var toast = (string)(await new NpgsqlCommand("SELECT reltoastrelid::regclass::text FROM pg_class WHERE oid = 'talent_cards'::regclass", connection).ExecuteScalarAsync())!;
        await using (var values = new NpgsqlCommand(
            $"""
            SELECT avg(pg_column_size(t.*))::int, avg(pg_column_size(search))::int, max(pg_column_size(search)),
                   count(*) FILTER (WHERE pg_column_compression(search) IS NOT NULL), avg(pg_column_size(jobs_search))::int,
                   avg(pg_column_size(summary))::int, avg(pg_column_size(summary_text))::int, avg(pg_column_size(skills))::int,
                   (SELECT count(DISTINCT chunk_id) FROM {toast}), count(*)
            FROM talent_cards t
            """, connection))
        await using (var reader = await values.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            facts.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"- stored sizes (pg_column_size, bytes): a whole row {reader.GetInt32(0)} on average; search (the tsvector ranked) {reader.GetInt32(1)} on average, {reader.GetInt32(2)} at most, compressed in {reader.GetInt64(3)} of {reader.GetInt64(9)} rows; "
                + $"jobs_search {reader.GetInt32(4)}; summary {reader.GetInt32(5)}; summary_text {reader.GetInt32(6)}; skills {reader.GetInt32(7)}; values stored out of line in TOAST: {reader.GetInt64(8)}"));
        }

        return facts.ToString();
    }

    /// <summary>Each statement on its own: VACUUM cannot run in the implicit transaction of several.</summary>
    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        foreach (var statement in sql.Split("; ", StringSplitOptions.RemoveEmptyEntries))
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>« f('nege_french', 'x') || f('nege_french', 'x') », the same query twice, becomes « f('nege_french', 'x') ».</summary>
    private static string SingleQuery(string sql) =>
        TsQueryPair().Replace(sql, m => m.Groups[1].Value == m.Groups[3].Value && m.Groups[2].Value == m.Groups[4].Value ? $"{m.Groups[1].Value}('nege_french', {m.Groups[2].Value})" : m.Value);

    /// <summary>The count of at most 1 001 cards: enough to write « plus de 1 000 ».</summary>
    private static string CappedCount(string sql)
    {
        var from = sql.IndexOf("\nFROM ", StringComparison.Ordinal);
        return $"SELECT count(*)::int FROM (SELECT 1{sql[from..]}\nLIMIT 1001) AS capped";
    }

    private static async Task<(string Milliseconds, string Rows)> PlanAsync(NpgsqlConnection connection, string sql, StringBuilder report, string variant)
    {
        // Twice: the first run warms the caches of that shape; the second is reported.
        var plan = new List<string>();
        for (var run = 0; run < 2; run++)
        {
            plan.Clear();
            await using var explain = new NpgsqlCommand($"EXPLAIN (ANALYZE, BUFFERS) {sql}", connection);
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"-- plan, {variant}:");
        if (variant != "as it is")
        {
            report.AppendLine(sql);
        }

        report.AppendLine(string.Join(Environment.NewLine, plan));
        var execution = plan.Select(l => ExecutionTime().Match(l)).FirstOrDefault(m => m.Success) is { } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
        // The most rows a node of the plan produced: the cards the scan kept.
        var rows = plan.Select(l => RowsOf().Match(l)).Where(m => m.Success).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .DefaultIfEmpty(-1).Max().ToString(CultureInfo.InvariantCulture);
        return (execution.ToString("0.0", CultureInfo.InvariantCulture), rows);
    }

    /// <summary>Each « websearch_to_tsquery(…) || websearch_to_tsquery(…) » (or plainto_tsquery) of the SQL replaced by its value, computed once.</summary>
    private static async Task<string> FoldQueriesAsync(NpgsqlConnection connection, string sql)
    {
        var folded = sql;
        foreach (var expression in TsQueryPair().Matches(sql).Select(m => m.Value).Distinct())
        {
            await using var command = new NpgsqlCommand($"SELECT ({expression})::text", connection);
            var value = (string)(await command.ExecuteScalarAsync())!;
            folded = folded.Replace(expression, $"'{value.Replace("'", "''", StringComparison.Ordinal)}'::tsquery", StringComparison.Ordinal);
        }

        return folded;
    }

    /// <summary>The page's SELECT without the columns a card's view never shows: the two tsvectors, the texts they are made of, the skill keys.</summary>
    private static string CardColumnsOnly(string sql)
    {
        var from = sql.IndexOf("\nFROM ", StringComparison.Ordinal);
        var select = sql[..from];
        foreach (var column in new[] { "t.jobs_search", "t.jobs_text", "t.search", "t.skill_keys", "t.skills_text", "t.summary_text" })
        {
            // In the list of columns only, not inside ts_rank_cd(t.search, …).
            select = select.Replace($", {column}, ", ", ", StringComparison.Ordinal);
        }

        return select + sql[from..];
    }

    /// <summary>The search statements (those on talent_cards) that PostgreSQL logged as executed, in order, with their parameters.</summary>
    public static List<LoggedStatement> Statements(IReadOnlyList<string> lines)
    {
        // Each line has the time DCP read it; each entry starts « … [pid] LEVEL:  text », and a multi-line statement
        // goes on in the lines after it, each begun with a tab by PostgreSQL.
        var entries = new List<(string Pid, string Level, StringBuilder Text)>();
        foreach (var read in lines)
        {
            var line = ReadAt().Replace(read, "", 1);
            var start = EntryStart().Match(line);
            if (start.Success)
            {
                entries.Add((start.Groups[1].Value, start.Groups[2].Value, new StringBuilder(start.Groups[3].Value)));
            }
            else if (entries.Count > 0)
            {
                entries[^1].Text.Append('\n').Append(line.StartsWith('\t') ? line[1..] : line);
            }
        }

        var statements = new List<LoggedStatement>();
        for (var i = 0; i < entries.Count; i++)
        {
            var (pid, level, text) = entries[i];
            var executed = level == "LOG" ? Executed().Match(text.ToString()) : Match.Empty;
            if (!executed.Success || !executed.Groups[2].Value.Contains("talent_cards", StringComparison.Ordinal))
            {
                continue;
            }

            var parameters = new Dictionary<int, string>();
            if (entries.Skip(i + 1).FirstOrDefault(e => e.Pid == pid) is { Level: "DETAIL" } detail
                && detail.Text.ToString() is var details && details.StartsWith("parameters: ", StringComparison.Ordinal))
            {
                foreach (Match parameter in Parameter().Matches(details))
                {
                    parameters[int.Parse(parameter.Groups[1].Value, CultureInfo.InvariantCulture)] = parameter.Groups[2].Value;
                }
            }

            statements.Add(new LoggedStatement(executed.Groups[2].Value, parameters, double.Parse(executed.Groups[1].Value, CultureInfo.InvariantCulture)));
        }

        return statements;
    }

    private static async Task SetAsync(string database, string alterSystem)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using (var alter = new NpgsqlCommand(alterSystem, connection))
        {
            await alter.ExecuteNonQueryAsync();
        }

        await using (var reload = new NpgsqlCommand("SELECT pg_reload_conf()", connection))
        {
            await reload.ExecuteScalarAsync();
        }

        // Each backend reads the new configuration before its next statement; give the signal a moment.
        await Task.Delay(500);
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT[\d:.]+Z ")]
    private static partial Regex ReadAt();

    [GeneratedRegex(@"\[(\d+)\] (LOG|DETAIL|ERROR|WARNING|STATEMENT|HINT|CONTEXT|FATAL|NOTICE):  (.*)$")]
    private static partial Regex EntryStart();

    [GeneratedRegex(@"^duration: ([\d.]+) ms  execute [^:]*: (.*)$", RegexOptions.Singleline)]
    private static partial Regex Executed();

    [GeneratedRegex(@"\$(\d+) = (NULL|'(?:[^']|'')*')")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"(websearch_to_tsquery|plainto_tsquery)\('nege_french', ('(?:[^']|'')*')\) \|\| (websearch_to_tsquery|plainto_tsquery)\('nege_french', ('(?:[^']|'')*')\)")]
    private static partial Regex TsQueryPair();

    [GeneratedRegex(@"Execution Time: ([\d.]+) ms")]
    private static partial Regex ExecutionTime();

    [GeneratedRegex(@"\(actual time=[\d.]+\.\.[\d.]+ rows=(\d+)")]
    private static partial Regex RowsOf();
}
