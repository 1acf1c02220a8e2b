using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Nege.ServiceDefaults;
using Nege.Testing;
using Npgsql;

namespace EndToEnd.Tests;

/// <summary>
/// Part 1 of the membership application sent by several clients while the broker goes down and
/// comes back (through the resource's own Stop and Start commands, as from the dashboard): every
/// submission is accepted, and every applicant gets the e-mail exactly once.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class BrokerOutageTests(RunningSystem system)
{
    private const int Clients = 4;

    [Fact]
    public async Task Submissions_during_a_broker_outage_each_give_exactly_one_email()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var accepted = new ConcurrentBag<string>();

        await SubmitAsync(run, "avant", 50, accepted);
        try
        {
            await system.StopAsync(ResourceNames.Messaging);
            await SubmitAsync(run, "pendant", 100, accepted);
        }
        finally
        {
            await system.StartAsync(ResourceNames.Messaging);
        }

        await SubmitAsync(run, "apres", 50, accepted);
        Assert.Equal(200, accepted.Count);

        // Everything has gone through: every e-mail in the sink, no event left in Membership's
        // outbox, no delivery left pending in Notifications. Only then are duplicates counted.
        await Eventually.UntilAsync(async () =>
        {
            var received = (await system.Sink.GetAllAsync()).SelectMany(e => e.To).Select(to => to.Address).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return accepted.All(received.Contains);
        }, TimeSpan.FromMinutes(3), "every applicant's e-mail has arrived");
        await Eventually.UntilAsync(async () =>
            await CountAsync(system.MembershipDatabase, "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL") == 0
            && await CountAsync(system.NotificationsDatabase, "SELECT count(*) FROM email_deliveries WHERE state = 'Pending'") == 0,
            TimeSpan.FromMinutes(2), "nothing left to publish or to send");

        var perRecipient = (await system.Sink.GetAllAsync())
            .SelectMany(e => e.To.Select(to => to.Address.ToLowerInvariant()))
            .Where(address => address.Contains($"-{run}-", StringComparison.Ordinal))
            .GroupBy(address => address)
            .ToDictionary(group => group.Key, group => group.Count());
        Assert.Equal(200, perRecipient.Count);
        var twice = perRecipient.Where(pair => pair.Value != 1).Select(pair => $"{pair.Key} ×{pair.Value}").ToList();
        Assert.True(twice.Count == 0, $"e-mails received more than once: {string.Join(", ", twice)}");
    }

    /// <summary><paramref name="count"/> parts 1 sent by <see cref="Clients"/> concurrent clients through the gateway.</summary>
    private async Task SubmitAsync(string run, string phase, int count, ConcurrentBag<string> accepted)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            for (var n = Interlocked.Increment(ref next); n < count; n = Interlocked.Increment(ref next))
            {
                var email = $"panne-{run}-{phase}-{n}@exemple.fr";
                using var response = await system.Gateway.PostAsJsonAsync("/api/membership/application-drafts", new
                {
                    email, userName = $"panne.{run}.{phase}.{n}", civility = "Madame", lastName = "Panne", firstName = "Brigitte", consent = true,
                });
                Assert.True(response.StatusCode == HttpStatusCode.Created, $"{email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                accepted.Add(email);
            }
        }));
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
