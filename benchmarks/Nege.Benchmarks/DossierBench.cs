using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Npgsql;

namespace Nege.Benchmarks;

/// <summary>A dossier the bench created, the partner (its index) that submitted it, and its candidate's e-mail.</summary>
public sealed record BenchDossier(Guid Id, int Partner, string Email);

/// <summary>What a load did: every request's time, the refusals by status code (or exception), the dossiers created.</summary>
public sealed class Load
{
    public ConcurrentQueue<double> Milliseconds { get; } = new();

    public ConcurrentDictionary<string, int> Errors { get; } = new();

    public ConcurrentQueue<BenchDossier> Created { get; } = new();

    public TimeSpan Elapsed { get; set; }

    public void Fail(string what) => Errors.AddOrUpdate(what, 1, (_, n) => n + 1);

    public string ErrorsText => Errors.IsEmpty ? "no errors" : "errors " + string.Join(", ", Errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} ×{e.Value}"));
}

/// <summary>One e-mail delivery count of Notifications for a set of recipients.</summary>
public sealed record Deliveries(long Recorded, long Recipients, long Sent);

/// <summary>
/// What the dossier benchmarks need: employment partners' systems submitting valid dossiers of distinct
/// people through the gateway (each POST with its own Idempotency-Key), reading them back, and
/// Notifications' delivery log, where each consumed <c>DossierSubmitted</c> records one e-mail.
/// </summary>
public static class DossierBench
{
    public const string Route = "/api/candidates/v1/dossiers";
    public const string InformationTemplate = "candidate-information"; // CandidateInformationEmail.TemplateName

    private static int _people;

    /// <summary>A new person each call: a unique e-mail, and a unique last name in letters (the person key ignores digits).</summary>
    public static DossierRequest NewDossier(string prefix)
    {
        var number = Interlocked.Increment(ref _people);
        var letters = new char[6];
        for (int i = letters.Length - 1, n = number; i >= 0; i--, n /= 26)
        {
            letters[i] = (char)('a' + n % 26);
        }

        return Dossier($"{prefix}-{number}@bench.example", "Banc-" + new string(letters));
    }

    /// <summary>The valid dossier of the Candidates tests (SampleDossiers.Valid), for the given person.</summary>
    public static DossierRequest Dossier(string email, string lastName) => new(
        new IdentificationInput("Élodie", lastName, "FT-123456", new PostalAddressInput("12 rue des Tanneurs", null, "67000", "Strasbourg"),
            email, "06 12 34 56 78", new DateOnly(1990, 5, 12)),
        new SearchContextInput(null, null, [CandidateForm.Reconversion]),
        new ProfileInput(
            [new SkillInput("Technique", "C#", "Maîtrise"), new SkillInput("Langue", "Anglais", "B2")],
            ["Rigueur"], "Niveau 6 (bac+3, bac+4 : licence, BUT, master 1)", "Licence professionnelle", 4, "Quatre ans de support informatique."),
        new ProjectInput(["Développeuse .NET"], ["PME : 10-250 personnes"], ["CDI"], 3_800_000,
            new MobilityInput(["Alsace : Bas-Rhin (67)"], 40), "Azure"),
        new ConsentInput(CandidateNotices.CurrentDataUseVersion, false));

    /// <summary>
    /// Each partner's system (one token each) submits new people one after the other while <paramref name="another"/>
    /// says so, all partners at once.
    /// </summary>
    public static async Task<Load> SubmitAsync(HttpClient gateway, IReadOnlyList<string> tokens, string prefix, Func<bool> another)
    {
        var load = new Load();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(tokens.Select((token, partner) => Task.Run(async () =>
        {
            while (another())
            {
                var dossier = NewDossier(prefix);
                var watch = Stopwatch.StartNew();
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = JsonContent.Create(dossier) };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                    using var response = await gateway.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    load.Milliseconds.Enqueue(watch.Elapsed.TotalMilliseconds);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        var id = JsonDocument.Parse(body).RootElement.GetProperty("dossier").GetProperty("id").GetGuid();
                        load.Created.Enqueue(new BenchDossier(id, partner, dossier.Identification!.Email!));
                    }
                    else
                    {
                        load.Fail(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    load.Milliseconds.Enqueue(watch.Elapsed.TotalMilliseconds);
                    load.Fail(exception.GetType().Name);
                }
            }
        })));
        load.Elapsed = clock.Elapsed;
        return load;
    }

    /// <summary><paramref name="reads"/> reads of random dossiers, each by the partner that submitted it, <paramref name="concurrency"/> at a time.</summary>
    public static async Task<Load> ReadAsync(HttpClient gateway, IReadOnlyList<string> tokens, IReadOnlyList<BenchDossier> dossiers, int reads, int concurrency)
    {
        var load = new Load();
        var next = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) <= reads)
            {
                var dossier = dossiers[Random.Shared.Next(dossiers.Count)];
                var watch = Stopwatch.StartNew();
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, $"{Route}/{dossier.Id}");
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[dossier.Partner]);
                    using var response = await gateway.SendAsync(request);
                    await response.Content.ReadAsStringAsync();
                    load.Milliseconds.Enqueue(watch.Elapsed.TotalMilliseconds);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        load.Fail(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    load.Milliseconds.Enqueue(watch.Elapsed.TotalMilliseconds);
                    load.Fail(exception.GetType().Name);
                }
            }
        })));
        load.Elapsed = clock.Elapsed;
        return load;
    }

    /// <summary>How many dossiers the partners see in all: the sum of their list's totals.</summary>
    public static async Task<long> VisibleAsync(HttpClient gateway, IReadOnlyList<string> tokens)
    {
        long total = 0;
        foreach (var token in tokens)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{Route}?pageSize=1");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await gateway.SendAsync(request);
            response.EnsureSuccessStatusCode();
            total += (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt64();
        }

        return total;
    }

    /// <summary>The candidate-information deliveries Notifications recorded for these candidates (read in its database, as an operator would).</summary>
    public static async Task<Deliveries> DeliveriesAsync(string notificationsDatabase, IReadOnlyCollection<string> emails)
    {
        await using var connection = new NpgsqlConnection(notificationsDatabase);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT count(*), count(DISTINCT recipient), count(*) FILTER (WHERE state = 'Sent')
            FROM email_deliveries WHERE template = $1 AND recipient = ANY($2)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = InformationTemplate });
        command.Parameters.Add(new NpgsqlParameter { Value = emails.ToArray() });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new Deliveries(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
