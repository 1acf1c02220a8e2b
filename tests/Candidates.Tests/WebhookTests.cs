using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nege.Candidates.Webhooks;
using Nege.Contracts.Api.Candidates;
using Nege.ServiceDefaults.Security;
using Nege.Testing;

namespace Candidates.Tests;

public sealed class WebhookSignatureTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_790_000_000);

    [Fact]
    public void A_receiver_verifies_the_signature_and_refuses_a_changed_body_another_secret_or_an_old_timestamp()
    {
        const string Body = """{"id":"1","type":"dossier.status_changed"}""";
        var timestamp = Now.ToUnixTimeSeconds();
        var signature = WebhookSignature.Sign("whsec_a", timestamp, Body);
        var tolerance = TimeSpan.FromMinutes(5);

        Assert.Matches("^sha256=[0-9a-f]{64}$", signature);
        Assert.True(WebhookSignature.Verify("whsec_a", timestamp.ToString(), Body, signature, Now, tolerance));
        Assert.False(WebhookSignature.Verify("whsec_a", timestamp.ToString(), Body + " ", signature, Now, tolerance));
        Assert.False(WebhookSignature.Verify("whsec_b", timestamp.ToString(), Body, signature, Now, tolerance));
        Assert.False(WebhookSignature.Verify("whsec_a", (timestamp + 1).ToString(), Body, signature, Now, tolerance));
        Assert.False(WebhookSignature.Verify("whsec_a", timestamp.ToString(), Body, signature, Now.AddMinutes(6), tolerance));
        // HMAC-SHA256 as any receiver computes it, independently of our code.
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes("whsec_a"), System.Text.Encoding.UTF8.GetBytes($"{timestamp}.{Body}")));
        Assert.Equal("sha256=" + expected, signature);
    }

    [Fact]
    public void The_retry_delay_doubles_up_to_its_maximum() =>
        Assert.Equal(
            [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromHours(1)],
            new[] { 1, 2, 3, 4, 30 }.Select(new WebhookOptions().DelayAfter));
}

/// <summary>A partner's webhook receives its dossiers' status changes, signed, and is retried until it answers 2xx.</summary>
[Collection(CandidatesCollection.Name)]
public sealed class WebhookTests(CandidatesService service)
{
    private const string Dossiers = "/api/candidates/v1/dossiers";

    [Fact]
    public async Task A_status_change_reaches_the_partners_webhook_signed_and_is_retried_after_failures()
    {
        using var receiver = new WebhookReceiver(failuresFirst: 2);
        var organisation = Guid.NewGuid();
        using var partner = service.CreateClient(service.Tokens.ForPartnerClient(
            $"webhook-{Guid.NewGuid():N}", organisation, [NegeScopes.CandidatesRead, NegeScopes.CandidatesWrite]));
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync("/api/candidates/v1/webhook")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await partner.PutAsJsonAsync("/api/candidates/v1/webhook", new WebhookRequest("ftp://x"))).StatusCode);
        var webhook = await (await partner.PutAsJsonAsync("/api/candidates/v1/webhook", new WebhookRequest(receiver.Url))).Content.ReadFromJsonAsync<WebhookView>();
        Assert.StartsWith("whsec_", webhook!.Secret);
        Assert.Null((await partner.GetFromJsonAsync<WebhookView>("/api/candidates/v1/webhook"))!.Secret);

        var dossier = (await (await partner.PostAsJsonAsync(Dossiers, SampleDossiers.Valid())).Content.ReadFromJsonAsync<DossierIntakeView>())!.Dossier;
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsJsonAsync($"{Dossiers}/{dossier.Id}/withdrawal", new WithdrawalRequest("A trouvé un emploi."))).StatusCode);

        var call = await Eventually.ValueAsync(
            () => Task.FromResult(receiver.Accepted.FirstOrDefault()), TimeSpan.FromSeconds(30), "the webhook call accepted after two failures");
        Assert.Equal(3, receiver.Calls.Count(c => c.Header(WebhookSignature.IdHeader) == call.Header(WebhookSignature.IdHeader)));
        Assert.True(WebhookSignature.Verify(webhook.Secret!, call.Header(WebhookSignature.TimestampHeader), call.Body,
            call.Header(WebhookSignature.SignatureHeader), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        var change = JsonSerializer.Deserialize<WebhookEvent>(call.Body, JsonSerializerOptions.Web)!;
        Assert.Equal(("dossier.status_changed", dossier.Id, "submitted", "withdrawn", "Retiré", "A trouvé un emploi."),
            (change.Type, change.Data.DossierId, change.Data.From, change.Data.To, change.Data.ToLabel, change.Data.Reason));

        var deliveries = await Eventually.ValueAsync(
            async () => (await partner.GetFromJsonAsync<WebhookDeliveryView[]>("/api/candidates/v1/webhook/deliveries"))!
                .SingleOrDefault(d => d.State == "delivered"),
            TimeSpan.FromSeconds(10), "the delivery recorded as delivered");
        Assert.Equal((3, 200, change.Id), (deliveries.Attempts, deliveries.LastStatusCode!.Value, deliveries.Id));
    }
}
