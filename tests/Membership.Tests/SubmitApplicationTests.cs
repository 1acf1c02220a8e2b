using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Membership;
using Nege.ServiceDefaults.Messaging;
using Nege.Testing;

namespace Membership.Tests;

[Collection(MembershipCollection.Name)]
public sealed class SubmitApplicationTests(MembershipService service)
{
    private const string Path = "/api/membership/applications";

    [Fact]
    public async Task A_valid_application_is_stored_with_its_event_in_the_outbox_and_published()
    {
        var email = $"rh-{Guid.NewGuid():N}@exemple.fr";
        using var client = service.Factory.CreateClient();

        var response = await client.PostAsJsonAsync(Path, new { organisationName = "  Numérique & Co  ", contactEmail = email, consent = true });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal("Submitted", body.GetProperty("status").GetString());

        var stored = await service.QueryAsync(db => db.Applications.SingleAsync(a => a.Id == id));
        Assert.Equal("Numérique & Co", stored.OrganisationName);
        Assert.Equal(email, stored.ContactEmail);

        var outbox = await service.QueryAsync(db => db.Set<OutboxMessage>().ToListAsync());
        var message = Assert.Single(outbox, m => m.Payload.Contains(id.ToString(), StringComparison.Ordinal));
        Assert.Equal(OutboxExtensions.TypeName(typeof(MembershipApplicationSubmitted)), message.MessageType);
        var submitted = JsonSerializer.Deserialize<MembershipApplicationSubmitted>(message.Payload, JsonSerializerOptions.Web)!;
        Assert.Equal(new MembershipApplicationSubmitted(id, "Numérique & Co", email, stored.SubmittedAt), submitted);

        await Eventually.UntilAsync(
            () => service.QueryAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Id == message.Id && m.SentAt != null)),
            TimeSpan.FromSeconds(20),
            "the relay publishes the outbox row");
    }

    public static TheoryData<string, string, string> InvalidBodies => new()
    {
        { """{"contactEmail":"a@b.fr","consent":true}""", "organisationName", "Le nom de l'organisme est obligatoire." },
        { """{"organisationName":"   ","contactEmail":"a@b.fr","consent":true}""", "organisationName", "Le nom de l'organisme est obligatoire." },
        { $$"""{"organisationName":"{{new string('x', 201)}}","contactEmail":"a@b.fr","consent":true}""", "organisationName", "Le nom de l'organisme ne doit pas dépasser 200 caractères." },
        { """{"organisationName":"ACME","consent":true}""", "contactEmail", "L'adresse de courriel est obligatoire." },
        { """{"organisationName":"ACME","contactEmail":"pas-une-adresse","consent":true}""", "contactEmail", "L'adresse de courriel n'est pas valide." },
        { """{"organisationName":"ACME","contactEmail":"a@b","consent":true}""", "contactEmail", "L'adresse de courriel n'est pas valide." },
        { """{"organisationName":"ACME","contactEmail":"a b@c.fr","consent":true}""", "contactEmail", "L'adresse de courriel n'est pas valide." },
        { """{"organisationName":"ACME","contactEmail":"Nom <a@b.fr>","consent":true}""", "contactEmail", "L'adresse de courriel n'est pas valide." },
        { """{"organisationName":"ACME","contactEmail":"a@b.fr","consent":false}""", "consent", "Vous devez accepter les conditions d'utilisation de vos données personnelles." },
        { """{"organisationName":"ACME","contactEmail":"a@b.fr"}""", "consent", "Vous devez accepter les conditions d'utilisation de vos données personnelles." },
        { """{"organisationName":"ACME","contactEmail":"a@b.fr","consent":true,"siret":"123"}""", "siret", "Ce champ n'est pas attendu." },
        { """{"organisationName":"ACME","contactEmail":"a@b.fr","consent":"oui"}""", "consent", "La valeur n'a pas le type attendu." },
        { """{"organisationName":42,"contactEmail":"a@b.fr","consent":true}""", "organisationName", "La valeur n'a pas le type attendu." },
        { """{"organisationName":"ACME",""", "", "Le corps de la requête n'est pas un JSON valide." },
        { """[1,2]""", "", "Le corps de la requête doit être un objet JSON." },
        { "", "", "Le corps de la requête n'est pas un JSON valide." },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Bad_input_gets_a_French_message_on_the_field_and_stores_nothing(string json, string field, string message)
    {
        var before = await CountsAsync();
        using var client = service.Factory.CreateClient();

        var response = await client.PostAsync(Path, new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString());
        Assert.Contains(message, messages);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Every_problem_of_a_body_is_reported_at_once()
    {
        using var client = service.Factory.CreateClient();

        var response = await client.PostAsync(Path, new StringContent("""{"contactEmail":"nope","extra":1}""", Encoding.UTF8, "application/json"));

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order();
        Assert.Equal(["consent", "contactEmail", "extra", "organisationName"], fields);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_as_an_unsupported_media_type()
    {
        var before = await CountsAsync();
        using var client = service.Factory.CreateClient();

        var response = await client.PostAsync(Path, new StringContent("organisationName=ACME", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Type de contenu non pris en charge.", problem.GetProperty("title").GetString());
        Assert.Equal(before, await CountsAsync());
    }

    private Task<(int Applications, int Outbox)> CountsAsync() =>
        service.QueryAsync(async db => (await db.Applications.CountAsync(), await db.Set<OutboxMessage>().CountAsync()));
}
