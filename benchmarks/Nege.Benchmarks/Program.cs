using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Nege.Benchmarks;
using Nege.Testing.EndToEnd;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Security;
using Nege.Testing;
using Npgsql;

// Measures the system as started by the AppHost (durable PostgreSQL, free ports, a temporary state
// folder): time to healthy, request → acknowledgement e-mail latency, write throughput through the
// gateway, and partners' dossier intake and reads. Prints a Markdown table for the README's
// performance section. --only identity|applications|dossiers|pool|directory|digest runs one part.
var sequential = Argument("--sequential", 100);
var concurrency = Argument("--concurrency", 16);
var seconds = Argument("--seconds", 10);
var intakeSeconds = Argument("--intake-seconds", 30);
var dossiers = Argument("--dossiers", 10_000);
var reads = Argument("--reads", 2_000);
var cards = Argument("--cards", 20_000);
var organisations = Argument("--organisations", 10_000);
var subscribers = Argument("--subscribers", 5_000);
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
// The pool part writes the plans of its searches' actual SQL there (EXPLAIN ANALYZE), after measuring.
var explain = args.SkipWhile(a => a != "--explain").Skip(1).FirstOrDefault();

var state = Directory.CreateTempSubdirectory("nege-bench-").FullName;
await using var nullSmtp = new NullSmtpServer();
string? notificationsSmtp = null;
var rows = new List<(string What, string Value)>();
var clock = Stopwatch.StartNew();
// One client sends every request here: lift the per-client limits on public writes and on partner calls.
var (app, siteClientSecret) = await NegeSystem.StartAsync(state, durable: true, new Dictionary<string, IReadOnlyDictionary<string, string>>
{
    [ResourceNames.Gateway] = new Dictionary<string, string>
    {
        ["Gateway__PublicWriteRateLimit__PermitLimit"] = "100000000",
        ["Gateway__PartnerRateLimit__PermitLimit"] = "100000000",
    },
    // The digest part makes the day's digest due again: at midnight, looked for every second.
    [ResourceNames.Notifications] = new Dictionary<string, string>
    {
        ["Notifications__Digest__At"] = "00:00",
        ["Notifications__Digest__Interval"] = "00:00:01",
    },
}, CancellationToken.None, builder => builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == ResourceNames.Notifications))
    // Read again whenever Notifications starts: the digest part restarts it to send into the null SMTP server.
    .WithEnvironment(context =>
    {
        if (notificationsSmtp is not null)
        {
            context.EnvironmentVariables["ConnectionStrings__smtp"] = notificationsSmtp;
        }
    }));
try
{
    rows.Add(("System start to healthy (empty state folder)", $"{clock.Elapsed.TotalSeconds:0.0} s"));

    var gateway = new HttpClient { BaseAddress = app.GetEndpoint(ResourceNames.Gateway, "http") };
    using var sink = new SmtpSink(app.GetEndpoint(ResourceNames.Smtp, "http"));

    // Identity: the administrator logs in (code + PKCE) and gives a partner's system its client.
    var adminToken = await IdentityBench.AdministratorTokenAsync(
        gateway.BaseAddress!, sink, siteClientSecret);
    var (clientId, secret) = await IdentityBench.PartnerClientAsync(gateway, adminToken);
    // The dossier bench's partners: one organisation and one client each, created while the administrator's token is fresh.
    var partners = new List<(string ClientId, string Secret)>();
    for (var i = 0; i < concurrency; i++)
    {
        partners.Add(await IdentityBench.PartnerClientAsync(
            gateway, adminToken, $"Partenaire dossiers {i + 1}", NegeScopes.CandidatesRead, NegeScopes.CandidatesWrite));
    }

    if (Runs("identity"))
    {
        var partnerToken = await IdentityBench.ClientCredentialsAsync(gateway, clientId, secret);
        await IdentityBench.PartnerCallAsync(gateway, partnerToken);
        var tokenTimes = new List<double>();
        var callTimes = new List<double>();
        for (var i = 0; i < sequential; i++)
        {
            var watch = Stopwatch.StartNew();
            await IdentityBench.ClientCredentialsAsync(gateway, clientId, secret);
            tokenTimes.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            if (await IdentityBench.PartnerCallAsync(gateway, partnerToken) != HttpStatusCode.OK)
            {
                throw new InvalidOperationException("The partner call was refused.");
            }

            callTimes.Add(watch.Elapsed.TotalMilliseconds);
        }

        rows.Add(($"Partner token (client credentials, POST /connect/token via the gateway), sequential (n={sequential})", Percentiles(tokenTimes)));
        rows.Add(($"Partner call with its token (GET /api/candidates/partner/me: validated by the gateway and by the service), sequential (n={sequential})", Percentiles(callTimes)));
        var calls = 0;
        var callsUntil = DateTime.UtcNow.AddSeconds(seconds);
        clock.Restart();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (DateTime.UtcNow < callsUntil)
            {
                if (await IdentityBench.PartnerCallAsync(gateway, partnerToken) == HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref calls);
                }
            }
        }));
        rows.Add(($"Partner calls, {concurrency} concurrent clients for {seconds} s (partner rate limit lifted)", $"{calls / clock.Elapsed.TotalSeconds:0} req/s"));
    }

    if (Runs("applications"))
    {
        // Warm-up: first requests pay for JIT and connection pools.
        for (var i = 0; i < 5; i++)
        {
            var warm = $"warmup-{i}@bench.example";
            await Submit(gateway, warm);
            await sink.WaitForRecipientAsync(warm, TimeSpan.FromSeconds(30));
        }

        var requestTimes = new List<double>();
        var deliveryTimes = new List<double>();
        for (var i = 0; i < sequential; i++)
        {
            var email = $"latency-{i}@bench.example";
            var watch = Stopwatch.StartNew();
            await Submit(gateway, email);
            requestTimes.Add(watch.Elapsed.TotalMilliseconds);
            await sink.WaitForRecipientAsync(email, TimeSpan.FromSeconds(30));
            deliveryTimes.Add(watch.Elapsed.TotalMilliseconds);
        }

        rows.Add(($"POST /api/membership/application-drafts (part 1 of the application) via the gateway, sequential (n={sequential})", Percentiles(requestTimes)));
        rows.Add(("POST → the applicant's account e-mail visible in the SMTP sink", Percentiles(deliveryTimes)));

        await sink.DeleteAllAsync();
        var accepted = 0;
        var refused = 0;
        var until = DateTime.UtcNow.AddSeconds(seconds);
        clock.Restart();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            for (var n = 0; DateTime.UtcNow < until; n++)
            {
                var status = await Submit(gateway, $"load-{worker}-{n}@bench.example", ensureSuccess: false);
                if (status == HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref accepted);
                }
                else
                {
                    Interlocked.Increment(ref refused);
                }
            }
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        rows.Add(($"Application drafts opened, {concurrency} concurrent clients for {seconds} s", $"{accepted / elapsed:0} req/s ({accepted} accepted, {refused} refused)"));

        await Eventually.UntilAsync(async () => await sink.CountAsync() >= accepted, TimeSpan.FromMinutes(5), "every applicant's e-mail is delivered");
        rows.Add(("…and all their e-mails delivered to the sink after", $"{clock.Elapsed.TotalSeconds:0.0} s ({accepted / clock.Elapsed.TotalSeconds:0} e-mails/s end to end)"));
    }

    if (Runs("dossiers"))
    {
        var notifications = await app.GetConnectionStringAsync(ResourceNames.NotificationsDatabase)
            ?? throw new InvalidOperationException("No connection string for the Notifications database.");
        var tokens = await PartnerTokensAsync();
        // Warm-up: one dossier per partner, read back once.
        var warmUps = 0;
        var warmUp = await DossierBench.SubmitAsync(gateway, tokens, "warmup", () => Interlocked.Increment(ref warmUps) <= tokens.Count);
        await DossierBench.ReadAsync(gateway, tokens, [.. warmUp.Created], tokens.Count, 1);

        var until = DateTime.UtcNow.AddSeconds(intakeSeconds);
        var cpu = new CpuUse();
        var intake = await DossierBench.SubmitAsync(gateway, tokens, "intake", () => DateTime.UtcNow < until);
        var accepted = intake.Created.Count;
        var intakeCpu = cpu.Report(accepted, "dossier");
        var sinceEnd = Stopwatch.StartNew();
        rows.Add(($"Dossier intake: POST {DossierBench.Route} through the gateway, {tokens.Count} partners' systems at once (a client and token each, partner rate limit lifted) for {intakeSeconds} s, a new person and an Idempotency-Key each",
            $"{accepted / intake.Elapsed.TotalSeconds:0} dossiers/s sustained (target ≥ 300/s): {accepted} accepted, {intake.ErrorsText}; {Percentiles(intake.Milliseconds)} (target p99 ≤ 100 ms)"));
        rows.Add(("…the CPU time every process used meanwhile", intakeCpu));

        // Nothing lost: each consumed DossierSubmitted records one candidate-information delivery in Notifications.
        string[] intakeEmails = [.. intake.Created.Select(d => d.Email)];
        var consumed = await SettledAsync(() => DossierBench.DeliveriesAsync(notifications, intakeEmails), d => d.Recorded >= accepted, TimeSpan.FromMinutes(10));
        rows.Add(("…their DossierSubmitted events consumed by Notifications: « candidate-information » deliveries recorded for the accepted dossiers' e-mails (its database, polled)",
            $"{consumed.Value.Recorded} recorded ({consumed.Value.Recipients} distinct recipients) for {accepted} accepted, "
            + (consumed.Reached ? $"all {sinceEnd.Elapsed.TotalSeconds:0.0} s after the load ended" : $"still missing {accepted - consumed.Value.Recorded} after {sinceEnd.Elapsed.TotalSeconds:0} s")));

        // The stock for the reads: the missing dossiers through the API, each event consumed by Notifications again.
        tokens = await PartnerTokensAsync();
        var all = new List<BenchDossier>([.. warmUp.Created, .. intake.Created]);
        var toAdd = Math.Max(0, dossiers - all.Count);
        var stockRefused = 0;
        clock.Restart();
        while (all.Count < dossiers)
        {
            var missing = dossiers - all.Count;
            var stock = await DossierBench.SubmitAsync(gateway, tokens, "stock", () => Interlocked.Decrement(ref missing) >= 0);
            all.AddRange(stock.Created);
            stockRefused += stock.Errors.Values.Sum();
            if (stock.Created.IsEmpty)
            {
                throw new InvalidOperationException($"No dossier accepted while adding the stock: {stock.ErrorsText}.");
            }
        }

        var stockSeconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        var visible = await DossierBench.VisibleAsync(gateway, tokens);
        string[] emails = [.. all.Select(d => d.Email)];
        var everyone = await SettledAsync(() => DossierBench.DeliveriesAsync(notifications, emails), d => d.Recorded >= all.Count, TimeSpan.FromMinutes(10));
        rows.Add(($"…the stock for the reads: the {toAdd} missing dossiers submitted the same way (→ {visible} in the partners' lists), and every one's DossierSubmitted consumed",
            string.Create(CultureInfo.InvariantCulture, $"{toAdd / stockSeconds:0} dossiers/s, {stockSeconds:0.0} s, {stockRefused} refused; ")
            + (everyone.Reached ? $"{everyone.Value.Recorded} deliveries recorded for {all.Count} dossiers {clock.Elapsed.TotalSeconds:0.0} s after it began" : $"{everyone.Value.Recorded} of {all.Count} recorded after {clock.Elapsed.TotalSeconds:0} s")
            + $", {everyone.Value.Sent} of them sent yet"));

        tokens = await PartnerTokensAsync();
        var oneByOne = await DossierBench.ReadAsync(gateway, tokens, all, reads, 1);
        rows.Add(($"Dossier read: GET {DossierBench.Route}/{{id}} through the gateway by its submitter, random ids among {visible}, sequential (n={reads})",
            $"{Percentiles(oneByOne.Milliseconds)} (target p99 ≤ 100 ms), {oneByOne.ErrorsText}"));
        cpu = new CpuUse();
        var together = await DossierBench.ReadAsync(gateway, tokens, all, reads, tokens.Count);
        rows.Add(($"…the same, {tokens.Count} partners reading at once (n={reads})",
            $"{Percentiles(together.Milliseconds)} (target p99 ≤ 100 ms), {reads / together.Elapsed.TotalSeconds:0} reads/s, {together.ErrorsText}"));
        rows.Add(("…the CPU time every process used meanwhile (Notifications still sending the candidates' e-mails)", cpu.Report(reads, "read")));

        // The candidates' e-mails go out far slower than dossiers come in: the rate, and where its time goes.
        var before = await DossierBench.DeliveriesAsync(notifications, emails);
        cpu = new CpuUse();
        clock.Restart();
        await Task.Delay(TimeSpan.FromSeconds(seconds)); // a measuring window, not a wait for a condition
        var after = await DossierBench.DeliveriesAsync(notifications, emails);
        rows.Add(($"…the candidates' e-mails being sent meanwhile (delivery worker → SMTP sink), over {seconds} s",
            $"{(after.Sent - before.Sent) / clock.Elapsed.TotalSeconds:0.0} e-mails/s, {all.Count - after.Sent} still to send; {cpu.Report((int)(after.Sent - before.Sent), "e-mail")}"));
    }

    if (Runs("pool"))
    {
        // The stock, straight into Candidates' database: the commission's workflow for each dossier would take hours.
        var candidates = await app.GetConnectionStringAsync(ResourceNames.DatabaseOf(ResourceNames.Candidates))
            ?? throw new InvalidOperationException("No connection string for the Candidates database.");
        clock.Restart();
        var stock = PoolData.Generate(cards, DateTimeOffset.UtcNow);
        var generated = clock.Elapsed;
        await PoolData.SeedAsync(candidates, stock);
        var seeded = clock.Elapsed;
        var (inPool, poolBytes) = await PoolData.PoolSizeAsync(candidates);
        rows.Add(($"Talent pool stock: {cards} « published » dossiers and their cards written into Candidates' database (binary COPY of both tables in one transaction, then VACUUM (ANALYZE); PostgreSQL generates the tsvectors)",
            string.Create(CultureInfo.InvariantCulture, $"{seeded.TotalSeconds:0.0} s ({generated.TotalSeconds:0.0} s of it generating the data); {inPool} cards in the pool, talent_cards {poolBytes / 1_048_576.0:0} MiB with its indexes")));

        // A current member and its recruiter, through the real APIs: the administrator's first token may have expired.
        var (recruiter, toMember) = await PoolBench.RecruiterAsync(
            gateway, await IdentityBench.AdministratorLoginAsync(gateway.BaseAddress!, siteClientSecret), sink, candidates, siteClientSecret);
        rows.Add(("An organisation registered by the administrator (POST /api/membership/organisations) → recorded by Candidates as a current member (OrganisationRegistered through the broker; polled)",
            $"{toMember.TotalMilliseconds:0} ms"));

        var queries = PoolBench.Queries(DateOnly.FromDateTime(DateTime.Now));
        // Warm-up: each search twice (JIT, connection pools, the table's pages in PostgreSQL's cache).
        var found = await PoolBench.TotalsAsync(gateway, recruiter, queries);
        await PoolBench.SearchAsync(gateway, recruiter, queries, 1, queries.Count);

        var oneByOne = await PoolBench.SearchAsync(gateway, recruiter, queries, 1, sequential);
        rows.Add(($"Talent pool search: GET {PoolBench.Route} through the gateway with a recruiter's token, {inPool} cards, a mix of {queries.Count} searches in turn (below), sequential (n={sequential}); no card changes meanwhile, so the service's cache of results answers",
            $"{Percentiles(oneByOne.Load.Milliseconds)} (target p99 ≤ 50 ms), {oneByOne.Load.ErrorsText}"));
        var cpu = new CpuUse();
        var together = await PoolBench.SearchAsync(gateway, recruiter, queries, concurrency, until: DateTime.UtcNow.AddSeconds(seconds));
        var searches = together.Load.Milliseconds.Count;
        rows.Add(($"…the same mix, {concurrency} recruiters' clients at once for {seconds} s (one token)",
            $"{searches / together.Load.Elapsed.TotalSeconds:0} searches/s (target ≥ 500/s), {Percentiles(together.Load.Milliseconds)} (target p99 ≤ 50 ms), {searches} searches, {together.Load.ErrorsText}"));
        rows.Add(("…the CPU time every process used meanwhile", cpu.Report(searches, "search")));

        // The same searches when every one follows a change of the pool (as the trigger of a card's change does it):
        // the cache can answer none of them, PostgreSQL runs each.
        await using var poolDatabase = NpgsqlDataSource.Create(candidates);
        async Task ChangePoolAsync()
        {
            await using var change = poolDatabase.CreateCommand("UPDATE talent_pool_version SET version = version + 1 WHERE id = 1");
            await change.ExecuteNonQueryAsync();
        }

        var missOneByOne = await PoolBench.SearchAsync(gateway, recruiter, queries, 1, sequential, beforeEach: ChangePoolAsync);
        rows.Add(($"…the same mix sequential (n={sequential}), each search just after a change of the pool: no answer from the cache",
            $"{Percentiles(missOneByOne.Load.Milliseconds)}, {missOneByOne.Load.ErrorsText}"));
        var missCpu = new CpuUse();
        var missTogether = await PoolBench.SearchAsync(gateway, recruiter, queries, concurrency, until: DateTime.UtcNow.AddSeconds(seconds), beforeEach: ChangePoolAsync);
        var misses = missTogether.Load.Milliseconds.Count;
        rows.Add(($"…the same, {concurrency} clients at once for {seconds} s, each search just after a change of the pool",
            $"{misses / missTogether.Load.Elapsed.TotalSeconds:0} searches/s, {Percentiles(missTogether.Load.Milliseconds)}, {misses} searches, {missTogether.Load.ErrorsText}; {missCpu.Report(misses, "search")}"));
        rows.Add(("…each search of the mix: cards found; p50 sequential / p50 under load, from the cache and without it",
            string.Join("; ", queries.Select(q => string.Create(CultureInfo.InvariantCulture,
                $"{q.Name}: {found[q.Name]}; {Median(oneByOne.ByQuery.GetValueOrDefault(q.Name))} / {Median(together.ByQuery.GetValueOrDefault(q.Name))} ms (no cache: {Median(missOneByOne.ByQuery.GetValueOrDefault(q.Name))} / {Median(missTogether.ByQuery.GetValueOrDefault(q.Name))} ms)")))));
        if (explain is not null)
        {
            try
            {
                await File.WriteAllTextAsync(explain, await PoolExplain.ExplainAsync(app, candidates, gateway, recruiter, queries));
                Console.WriteLine($"The plans of the searches' SQL are in {Path.GetFullPath(explain)}.");
            }
            catch (Exception exception) when (exception is NpgsqlException or IOException or TimeoutException)
            {
                // The measurements above are still printed.
                Console.Error.WriteLine($"The searches' plans could not be written: {exception}");
            }
        }
    }

    if (Runs("directory"))
    {
        // The members straight into Directory's database: the events that build each card would take the whole run.
        var directory = await app.GetConnectionStringAsync(ResourceNames.DatabaseOf(ResourceNames.Directory))
            ?? throw new InvalidOperationException("No connection string for the Directory database.");
        clock.Restart();
        await DirectoryBench.SeedAsync(directory, organisations);
        rows.Add(($"Directory stock: {organisations} member organisations written into Directory's database (binary COPY, then VACUUM (ANALYZE); PostgreSQL generates the tsvectors)",
            string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds:0.0} s")));

        var queries = DirectoryBench.Queries();
        await PoolBench.SearchAsync(gateway, null, queries, 1, queries.Count * 2, route: DirectoryBench.Route);
        var oneByOne = await PoolBench.SearchAsync(gateway, null, queries, 1, sequential, route: DirectoryBench.Route);
        rows.Add(($"Directory search: GET {DirectoryBench.Route} through the gateway as a visitor, {organisations} organisations, a mix of {queries.Count} searches in turn, sequential (n={sequential})",
            $"{Percentiles(oneByOne.Load.Milliseconds)} (target p99 ≤ 50 ms), {oneByOne.Load.ErrorsText}"));
        var cpu = new CpuUse();
        var together = await PoolBench.SearchAsync(gateway, null, queries, concurrency, until: DateTime.UtcNow.AddSeconds(seconds), route: DirectoryBench.Route);
        var searches = together.Load.Milliseconds.Count;
        rows.Add(($"…the same mix, {concurrency} visitors' clients at once for {seconds} s",
            $"{searches / together.Load.Elapsed.TotalSeconds:0} searches/s (target ≥ 2 000/s), {Percentiles(together.Load.Milliseconds)} (target p99 ≤ 50 ms), {searches} searches, {together.Load.ErrorsText}; {cpu.Report(searches, "search")}"));
        rows.Add(("…each search of the mix: p50 sequential / p50 under load",
            string.Join("; ", queries.Select(q => string.Create(CultureInfo.InvariantCulture,
                $"{q.Name}: {Median(oneByOne.ByQuery.GetValueOrDefault(q.Name))} / {Median(together.ByQuery.GetValueOrDefault(q.Name))} ms")))));
    }

    if (Runs("digest"))
    {
        var notifications = await app.GetConnectionStringAsync(ResourceNames.NotificationsDatabase)
            ?? throw new InvalidOperationException("No connection string for the Notifications database.");
        // The day's digest (at midnight in the bench) ran empty at start: its row gives the window the news are put in.
        await Eventually.UntilAsync(async () => await DigestBench.CountAsync(notifications, "SELECT count(*) FROM news_digests WHERE completed_at IS NOT NULL") > 0,
            TimeSpan.FromMinutes(1), "the day's first (empty) digest round");
        await DigestBench.SeedAsync(notifications, subscribers);
        await sink.DeleteAllAsync();
        var cpu = new CpuUse();
        clock.Restart();
        await DigestBench.RestartTodaysDigestAsync(notifications);
        await Eventually.UntilAsync(async () => await DigestBench.CountAsync(notifications, "SELECT count(*) FROM news_digests WHERE completed_at IS NOT NULL") > 0,
            TimeSpan.FromMinutes(5), "the digest queued");
        var queued = clock.Elapsed;
        await Eventually.UntilAsync(async () => await DigestBench.CountAsync(notifications,
                "SELECT count(*) FROM email_deliveries WHERE template = 'news-digest' AND state <> 'Sent'") == 0,
            TimeSpan.FromMinutes(30), "every digest accepted by the SMTP sink");
        var allSent = clock.Elapsed;
        var (sent, sending) = await DigestBench.SendingAsync(notifications);
        var cpuReport = cpu.Report((int)sent, "e-mail");
        await Eventually.UntilAsync(async () => await sink.CountAsync() >= sent, TimeSpan.FromMinutes(5), "every digest readable in the sink");
        rows.Add(($"Daily digest for {subscribers} subscribers (3 news items each, a fifth of them in two categories): the day's round queues one e-mail per person",
            string.Create(CultureInfo.InvariantCulture, $"{queued.TotalSeconds:0.0} s ({subscribers / queued.TotalSeconds:0} persons/s)")));
        rows.Add(("…and the delivery worker sends them into the SMTP sink (smtp4dev), up to 4 connections at once",
            string.Create(CultureInfo.InvariantCulture,
                $"{sent} e-mails in {sending:0.0} s: {sent / Math.Max(sending, 0.001):0} e-mails/s (target ≥ 500/s); all accepted {allSent.TotalSeconds:0.0} s after the round began; {cpuReport}")));

        // The same digest again into an SMTP server that only counts: what the platform sends when the server costs nothing.
        notificationsSmtp = nullSmtp.ConnectionString;
        await app.StopResourceAsync(ResourceNames.Notifications);
        await app.StartResourceAsync(ResourceNames.Notifications);
        await DigestBench.ForgetSentDigestsAsync(notifications);
        cpu = new CpuUse();
        clock.Restart();
        await DigestBench.RestartTodaysDigestAsync(notifications);
        await Eventually.UntilAsync(async () => await DigestBench.CountAsync(notifications, "SELECT count(*) FROM news_digests WHERE completed_at IS NOT NULL") > 0
                                                 && await DigestBench.CountAsync(notifications, "SELECT count(*) FROM email_deliveries WHERE template = 'news-digest' AND state <> 'Sent'") == 0,
            TimeSpan.FromMinutes(30), "every digest accepted by the null SMTP server");
        var nullSent = clock.Elapsed;
        (sent, sending) = await DigestBench.SendingAsync(notifications);
        rows.Add(("…the same round and sending into an SMTP server that only counts (in the bench), to see the platform's own rate",
            string.Create(CultureInfo.InvariantCulture,
                $"{sent} e-mails in {sending:0.0} s: {sent / Math.Max(sending, 0.001):0} e-mails/s; all accepted {nullSent.TotalSeconds:0.0} s after the round began ({nullSmtp.Accepted} counted by the server); {cpu.Report((int)sent, "e-mail")}")));
    }

    async Task<List<string>> PartnerTokensAsync()
    {
        var tokens = new List<string>();
        foreach (var (partnerId, partnerSecret) in partners)
        {
            tokens.Add(await IdentityBench.ClientCredentialsAsync(gateway, partnerId, partnerSecret));
        }

        return tokens;
    }
}
finally
{
    await app.DisposeAsync();
    Directory.Delete(state, recursive: true);
}

Console.WriteLine();
Console.WriteLine($"| measure ({Environment.ProcessorCount} cores, {DateTime.Now:yyyy-MM-dd}) | result |");
Console.WriteLine("| --- | --- |");
foreach (var (what, value) in rows)
{
    Console.WriteLine($"| {what} | {value} |");
}

return;

static async Task<HttpStatusCode> Submit(HttpClient gateway, string email, bool ensureSuccess = true)
{
    using var response = await gateway.PostAsJsonAsync("/api/membership/application-drafts", new
    {
        email,
        userName = email.Split('@')[0],
        civility = "Madame",
        lastName = "Banc",
        firstName = "Essai",
        consent = true,
    });
    if (ensureSuccess && response.StatusCode != HttpStatusCode.Created)
    {
        throw new InvalidOperationException($"{email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    return response.StatusCode;
}

static string Percentiles(IEnumerable<double> milliseconds)
{
    var sorted = milliseconds.Order().ToList();
    double At(double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
    return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.50):0.0} ms, p95 {At(0.95):0.0} ms, p99 {At(0.99):0.0} ms, max {sorted[^1]:0.0} ms");
}

static string Median(IEnumerable<double>? milliseconds) =>
    milliseconds?.Order().ToList() is { Count: > 0 } sorted ? sorted[(sorted.Count - 1) / 2].ToString("0.0", CultureInfo.InvariantCulture) : "–";

// Polls until the condition holds or the time is up: the bench reports what it found instead of stopping.
static async Task<(T Value, bool Reached)> SettledAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan timeout)
{
    var value = await probe();
    try
    {
        await Eventually.UntilAsync(async () => condition(value = await probe()), timeout, "settled");
        return (value, true);
    }
    catch (TimeoutException)
    {
        return (value, false);
    }
}

bool Runs(string part) => only is null || only == part;

int Argument(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
