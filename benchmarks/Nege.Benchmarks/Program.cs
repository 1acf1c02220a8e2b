using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using Nege.Benchmarks;
using Nege.Testing.EndToEnd;
using Nege.ServiceDefaults;
using Nege.Testing;

// Measures the system as started by the AppHost (durable PostgreSQL, free ports, a temporary state
// folder): time to healthy, request → acknowledgement e-mail latency, and write throughput through
// the gateway. Prints a Markdown table for the README's performance section.
var sequential = Argument("--sequential", 100);
var concurrency = Argument("--concurrency", 16);
var seconds = Argument("--seconds", 10);

var state = Directory.CreateTempSubdirectory("nege-bench-").FullName;
var rows = new List<(string What, string Value)>();
var clock = Stopwatch.StartNew();
// One client sends every request here: lift the per-client limits on public writes and on partner calls.
var (app, siteClientSecret) = await NegeSystem.StartAsync(state, durable: true, new Dictionary<string, string>
{
    ["Gateway__PublicWriteRateLimit__PermitLimit"] = "100000000",
    ["Gateway__PartnerRateLimit__PermitLimit"] = "100000000",
}, CancellationToken.None);
try
{
    rows.Add(("System start to healthy (empty state folder)", $"{clock.Elapsed.TotalSeconds:0.0} s"));

    var gateway = new HttpClient { BaseAddress = app.GetEndpoint(ResourceNames.Gateway, "http") };
    using var sink = new SmtpSink(app.GetEndpoint(ResourceNames.Smtp, "http"));

    // Identity: the administrator logs in (code + PKCE) and gives a partner's system its client.
    var adminToken = await IdentityBench.AdministratorTokenAsync(
        gateway.BaseAddress!, sink, siteClientSecret);
    var (clientId, secret) = await IdentityBench.PartnerClientAsync(gateway, adminToken);
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

static string Percentiles(List<double> milliseconds)
{
    var sorted = milliseconds.Order().ToList();
    double At(double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
    return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.50):0.0} ms, p95 {At(0.95):0.0} ms, max {sorted[^1]:0.0} ms");
}

int Argument(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
