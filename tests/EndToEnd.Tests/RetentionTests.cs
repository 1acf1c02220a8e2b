using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Nege.Testing;

namespace EndToEnd.Tests;

/// <summary>
/// The retention engine in the running system: a dossier whose last update is 35 months old is warned, one 36 months
/// old is erased everywhere, and its anonymised count remains. Moving the dossier's date back is the one step not taken
/// through the gateway: it stands for the 36 months passing.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class RetentionTests(RunningSystem system)
{
    private Identities Identities => system.Identities;

    private async Task AgeAsync(Guid dossierId, string age)
    {
        await using var connection = new NpgsqlConnection(system.CandidatesDatabase);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"UPDATE dossiers SET updated_at = now() - interval '{age}' WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", dossierId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static async Task<long> CountAsync(string connectionString, string sql, string parameter)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("p", parameter);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_dossier_is_warned_at_D_30_then_erased_everywhere_after_36_months_and_its_count_remains()
    {
        var admin = await Identities.AdminTokenAsync();
        var (_, partner) = await Identities.PartnerSystemAsync();
        var email = $"retention.{Guid.NewGuid():N}@exemple.fr";
        var adviser = $"conseil.{Guid.NewGuid():N}@agence.fr";
        var lastName = "Kientz" + Guid.NewGuid().ToString("N")[..6];
        using var created = await Identities.SendAsync(HttpMethod.Post, "/api/candidates/v1/dossiers", partner, new
        {
            identification = new { firstName = "Léa", lastName, address = new { street = "2 rue Haute", postalCode = "68100", city = "Mulhouse" }, email, birthDate = "2003-04-20" },
            profile = new { qualificationLevel = "Niveau 4 (baccalauréat)" },
            project = new { targetJobs = new[] { "Technicienne support" } },
            consent = new { noticeVersion = "2026-12" },
            adviser = new { name = "Nadia Conseillère", email = adviser },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dossierId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dossier").GetProperty("id").GetGuid();
        await system.Sink.WaitForAsync(e => e.To.Any(to => to.Address == email), Identities.MailTimeout, "the candidate informed of the processing");
        async Task<int> ErasedCountAsync()
        {
            var statistics = await (await Identities.SendAsync(HttpMethod.Get, "/api/candidates/statistics", admin)).Content.ReadFromJsonAsync<JsonElement>();
            return statistics.EnumerateArray()
                .Where(s => s.GetProperty("territory").GetString() == "Alsace" && s.GetProperty("ageBand").GetString() == "Moins de 26 ans" && s.GetProperty("outcome").GetString() == "submitted")
                .Sum(s => s.GetProperty("count").GetInt32());
        }

        var countBefore = await ErasedCountAsync();

        // 35 months without an update: the candidate and the adviser are warned that it will be erased.
        await AgeAsync(dossierId, "36 months - 20 days");
        var warned = await system.Sink.WaitForAsync(e => e.To.Any(to => to.Address == email) && e.Subject?.Contains("sera effacé", StringComparison.Ordinal) == true,
            Identities.MailTimeout, "the candidate warned at D-30");
        Assert.Contains("mettez votre dossier à jour", warned.Text, StringComparison.Ordinal);
        await system.Sink.WaitForAsync(e => e.To.Any(to => to.Address == adviser) && e.Subject?.Contains("effacement", StringComparison.Ordinal) == true,
            Identities.MailTimeout, "the adviser warned at D-30");

        // 36 months: erased in Candidates, forgotten by Notifications, counted in the statistics.
        await AgeAsync(dossierId, "36 months 1 day");
        await Eventually.UntilAsync(async () => (await Identities.SendAsync(HttpMethod.Get, $"/api/candidates/v1/dossiers/{dossierId}", partner)).StatusCode == HttpStatusCode.NotFound,
            TimeSpan.FromSeconds(60), "the dossier erased");
        Assert.Equal(0, await CountAsync(system.CandidatesDatabase, "SELECT count(*) FROM consent_records WHERE dossier_id::text = @p", dossierId.ToString()));
        Assert.Equal(0, await CountAsync(system.CandidatesDatabase, "SELECT count(*) FROM outbox_messages WHERE payload::text LIKE '%' || @p || '%' AND message_type NOT LIKE '%DossierErased%'", email));
        await Eventually.UntilAsync(async () => await CountAsync(system.NotificationsDatabase, "SELECT count(*) FROM email_deliveries WHERE recipient = @p", email) == 0,
            TimeSpan.FromSeconds(60), "Notifications forgot the candidate's e-mails");
        Assert.Equal(countBefore + 1, await ErasedCountAsync());
    }
}
