using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Nege.ServiceDefaults.Security;
using Nege.Testing;
using Npgsql;

namespace Nege.Benchmarks;

/// <summary>One search of the mix: what the README calls it, and its query string.</summary>
public sealed record PoolQuery(string Name, string Query);

/// <summary>A search load: every request's time and refusals (<see cref="Load"/>), and the times of each query of the mix.</summary>
public sealed record PoolLoad(Load Load, ConcurrentDictionary<string, ConcurrentQueue<double>> ByQuery);

/// <summary>
/// What the talent pool benchmark needs: a current member organisation and its recruiter, made through the real APIs
/// as an administrator would (the organisation registered in Membership, its event consumed by Candidates), and a
/// realistic mix of recruiters' searches sent through the gateway with the recruiter's token.
/// </summary>
public static class PoolBench
{
    public const string Route = "/api/candidates/pool/cards";

    /// <summary>
    /// The searches recruiters make: French words without accents (either gender of a job finds both), job and filters,
    /// skills, the newest cards without a text, a second or third page.
    /// </summary>
    public static IReadOnlyList<PoolQuery> Queries(DateOnly today) =>
    [
        new("q=developpeur", "q=developpeur"),
        new("q=administrateur reseau", "q=administrateur%20reseau"),
        new("q=data", "q=data"),
        new("q=support linux", "q=support%20linux"),
        new("q=developpeuse java", "q=developpeuse%20java"),
        new("q=developpeur, page 2", "q=developpeur&page=2"),
        new("q=cybersecurite", "q=cybersecurite"),
        new("q=chef de projet, departement=Bas-Rhin", "q=chef%20de%20projet&departement=" + Uri.EscapeDataString("Alsace : Bas-Rhin (67)")),
        new("q=python, qualificationLevel ≥ niveau 5", "q=python&qualificationLevel=" + Uri.EscapeDataString("Niveau 5 (bac+2 : BTS, DUT)")),
        new("q=reseaux, contractType=Alternance, sort=date", "q=reseaux&contractType=Alternance&sort=date"),
        new("targetJob=technicien, territory=Lorraine", "targetJob=technicien&territory=Lorraine"),
        new("targetJob=developpeur, skill=C#, availableBy=+30 days", $"targetJob=developpeur&skill=C%23&availableBy={today.AddDays(30):yyyy-MM-dd}"),
        new("skill=SQL, contractType=CDI", "skill=SQL&contractType=CDI"),
        new("skill=Azure, skill=Docker", "skill=Azure&skill=Docker"),
        new("sort=date, no filter", "sort=date"),
        new("sort=date, territory=Alsace, page 3", "sort=date&territory=Alsace&page=3"),
    ];

    /// <summary>
    /// The administrator registers an organisation (category « Entreprise »); once Candidates has it as a current member,
    /// opens an account with the role recruiter attached to it; the recruiter sets a password from the invitation and
    /// logs in. Returns the recruiter's access token and how long Candidates took to record the membership.
    /// </summary>
    public static async Task<(string Token, TimeSpan ToMember)> RecruiterAsync(
        HttpClient gateway, string adminToken, SmtpSink sink, string candidatesDatabase, string siteClientSecret)
    {
        async Task<JsonElement> Post(string path, object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
            using var response = await gateway.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        var clock = Stopwatch.StartNew();
        var organisation = (await Post("/api/membership/organisations", new { name = "Entreprise du banc d'essai (vivier)", category = "Entreprise" }))
            .GetProperty("id").GetGuid();
        await using (var connection = new NpgsqlConnection(candidatesDatabase))
        {
            await connection.OpenAsync();
            await using var member = new NpgsqlCommand("SELECT count(*) FROM member_organisations WHERE id = $1 AND current", connection);
            member.Parameters.Add(new NpgsqlParameter { Value = organisation });
            await Eventually.UntilAsync(async () => (long)(await member.ExecuteScalarAsync())! == 1, TimeSpan.FromSeconds(60),
                "Candidates records the registered organisation as a current member");
        }

        var toMember = clock.Elapsed;
        var email = "recruteur-vivier@bench.example";
        await Post("/api/membership/accounts", new
        {
            email,
            userName = "recruteur.vivier",
            civility = "Madame",
            lastName = "Banc",
            firstName = "Recruteuse",
            function = "Chargée de recrutement",
            organisationId = organisation,
            roles = new[] { NegeRoles.Recruiter },
        });
        const string password = "Banc-Essai-Vivier-2026";
        await IdentityBench.SetPasswordAsync(gateway.BaseAddress!, await sink.WaitForRecipientAsync(email, TimeSpan.FromSeconds(60)), password);
        return (await IdentityBench.LoginAsync(gateway.BaseAddress!, email, password, siteClientSecret), toMember);
    }

    /// <summary>Each query once: how many cards it finds (its page's <c>total</c>); fails on any refusal, so that the load measures searches, not errors.</summary>
    public static async Task<Dictionary<string, long>> TotalsAsync(HttpClient gateway, string token, IReadOnlyList<PoolQuery> queries)
    {
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var query in queries)
        {
            using var response = await SendAsync(gateway, token, query);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{query.Name}: {(int)response.StatusCode} {body}");
            }

            totals[query.Name] = JsonDocument.Parse(body).RootElement.GetProperty("total").GetInt64();
        }

        return totals;
    }

    /// <summary>
    /// The mix, query after query in turn, by <paramref name="concurrency"/> clients at once, until <paramref name="count"/>
    /// searches are done or <paramref name="until"/> has come, whichever is first. <paramref name="beforeEach"/>, when
    /// given, runs before each search, outside its measured time.
    /// </summary>
    /// <param name="token">The caller's access token; null for a visitor.</param>
    public static async Task<PoolLoad> SearchAsync(
        HttpClient gateway, string? token, IReadOnlyList<PoolQuery> queries, int concurrency, int count = int.MaxValue, DateTime? until = null,
        Func<Task>? beforeEach = null, string route = Route)
    {
        var load = new PoolLoad(new Load(), new ConcurrentDictionary<string, ConcurrentQueue<double>>(StringComparer.Ordinal));
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < count && (until is null || DateTime.UtcNow < until))
            {
                var query = queries[n % queries.Count];
                if (beforeEach is not null)
                {
                    await beforeEach();
                }

                var watch = Stopwatch.StartNew();
                try
                {
                    using var response = await SendAsync(gateway, token, query, route);
                    await response.Content.ReadAsByteArrayAsync();
                    var elapsed = watch.Elapsed.TotalMilliseconds;
                    load.Load.Milliseconds.Enqueue(elapsed);
                    load.ByQuery.GetOrAdd(query.Name, _ => new ConcurrentQueue<double>()).Enqueue(elapsed);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        load.Load.Fail(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    load.Load.Milliseconds.Enqueue(watch.Elapsed.TotalMilliseconds);
                    load.Load.Fail(exception.GetType().Name);
                }
            }
        })));
        load.Load.Elapsed = clock.Elapsed;
        return load;
    }

    public static Task<HttpResponseMessage> SendAsync(HttpClient gateway, string? token, PoolQuery query, string route = Route)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{route}?{query.Query}");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return gateway.SendAsync(request);
    }
}
