using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Nege.Testing;

namespace EndToEnd.Tests;

[Collection(SystemCollection.Name)]
public sealed class MembershipApplicationFlowTests(RunningSystem system)
{
    private const string Path = "/api/membership/applications";

    [Fact]
    public async Task An_application_through_the_gateway_is_acknowledged_by_email_in_French()
    {
        var email = $"referent-{Guid.NewGuid():N}@entreprise-exemple.fr";

        var response = await system.Gateway.PostAsJsonAsync(Path, new
        {
            organisationName = "Entreprise Exemple Grand Est",
            contactEmail = email,
            consent = true,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();

        var acknowledgement = await system.Sink.WaitForRecipientAsync(email, TimeSpan.FromSeconds(30));
        Assert.Equal("Votre demande d'adhésion à Numéric'Emploi Grand Est a bien été reçue", acknowledgement.Subject);
        Assert.Contains("Entreprise Exemple Grand Est", acknowledgement.Text, StringComparison.Ordinal);
        Assert.Contains(id.ToString(), acknowledgement.Text, StringComparison.Ordinal);
        Assert.Contains("quinze jours", acknowledgement.Text, StringComparison.Ordinal);
        Assert.Single(await system.Sink.GetAllAsync(), e => e.To.Any(to => to.Address == email));
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { """{"contactEmail":"{EMAIL}","consent":true}""", "organisationName", "Le nom de l'organisme est obligatoire." },
        { """{"organisationName":"ACME","contactEmail":"Service RH <{EMAIL}>","consent":true}""", "contactEmail", "L'adresse de courriel n'est pas valide." },
        { """{"organisationName":"ACME","contactEmail":"{EMAIL}","consent":false}""", "consent", "Vous devez accepter les conditions d'utilisation de vos données personnelles." },
        { """{"organisationName":"ACME","contactEmail":"{EMAIL}","consent":true,"role":"admin"}""", "role", "Ce champ n'est pas attendu." },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_through_the_gateway_gets_French_field_messages_and_changes_nothing(string template, string field, string message)
    {
        var email = $"refuse-{Guid.NewGuid():N}@entreprise-exemple.fr";
        var before = await CountApplicationsAsync();

        var response = await system.Gateway.PostAsync(Path, new StringContent(template.Replace("{EMAIL}", email, StringComparison.Ordinal), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(message, problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(before, await CountApplicationsAsync());

        // A valid application sent afterwards is acknowledged; by then the refused one would have been too.
        var witness = $"temoin-{Guid.NewGuid():N}@entreprise-exemple.fr";
        var accepted = await system.Gateway.PostAsJsonAsync(Path, new { organisationName = "Témoin", contactEmail = witness, consent = true });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        await system.Sink.WaitForRecipientAsync(witness, TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(await system.Sink.GetAllAsync(), e => e.To.Any(to => to.Address.Contains(email, StringComparison.Ordinal)));
    }

    private async Task<long> CountApplicationsAsync()
    {
        await using var connection = new NpgsqlConnection(system.MembershipDatabase);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM membership_applications", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
