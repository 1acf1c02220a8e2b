using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nege.Candidates;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;

namespace Candidates.Tests;

/// <summary>Partner API v1 over HTTP, on the real service with its own PostgreSQL database and RabbitMQ.</summary>
[Collection(CandidatesCollection.Name)]
public sealed class PartnerDossiersTests(CandidatesService service)
{
    private const string Dossiers = "/api/candidates/v1/dossiers";

    private HttpClient Partner(Guid organisationId, string? clientId = null) =>
        service.CreateClient(service.Tokens.ForPartnerClient(
            clientId ?? $"partner-{organisationId:N}", organisationId, [NegeScopes.CandidatesRead, NegeScopes.CandidatesWrite]));

    private static async Task<DossierIntakeView> IntakeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<DossierIntakeView>())!;

    [Fact]
    public async Task A_partner_submits_a_dossier_and_reads_it_back_normalised()
    {
        using var partner = Partner(Guid.NewGuid());
        var request = SampleDossiers.Valid();

        using var created = await partner.PostAsJsonAsync(Dossiers, request);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var intake = await IntakeOf(created);
        Assert.Equal("created", intake.Outcome);
        Assert.Equal($"{Dossiers}/{intake.Dossier.Id}", created.Headers.Location!.OriginalString);
        Assert.Matches("^D-[0-9]{6}$", intake.Dossier.Number);
        Assert.Equal(("submitted", "Déposé", "submitter", "Alsace"), (intake.Dossier.Status.Code, intake.Dossier.Status.Label, intake.Dossier.Relation, intake.Dossier.Territory));

        var read = await partner.GetFromJsonAsync<PartnerDossierView>(created.Headers.Location);
        Assert.Equal("+33612345678", read!.Content!.Identification.Phone);
        Assert.Equal(request.Identification!.Email, read.Content.Identification.Email);
        Assert.Equal("FT-123456", read.PartnerReference);
        Assert.Equal(["Développeuse .NET"], read.Content.Project.TargetJobs);

        var history = await partner.GetFromJsonAsync<DossierTransitionView[]>($"{created.Headers.Location}/history");
        var submitted = Assert.Single(history!);
        Assert.Equal((null, "submitted"), (submitted.From, submitted.To));
        Assert.Contains("partner-", submitted.By);

        Assert.Equal(1, await OutboxCountAsync<DossierSubmitted>(intake.Dossier.Id));
    }

    [Fact]
    public async Task The_same_person_from_a_second_partner_is_linked_not_doubled()
    {
        var email = $"lea.{Guid.NewGuid():N}@exemple.fr";
        using var first = Partner(Guid.NewGuid());
        using var second = Partner(Guid.NewGuid());
        var original = await IntakeOf(await first.PostAsJsonAsync(Dossiers, SampleDossiers.Valid(email)));

        // The other agency writes the address its own way.
        using var linked = await second.PostAsJsonAsync(Dossiers, SampleDossiers.Valid(email.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        var intake = await IntakeOf(linked);
        Assert.Equal(("linked", original.Dossier.Id, "follower"), (intake.Outcome, intake.Dossier.Id, intake.Dossier.Relation));
        Assert.Contains("suit désormais", intake.Message);
        Assert.Null(intake.Dossier.Content);
        var followerRead = await second.GetFromJsonAsync<PartnerDossierView>($"{Dossiers}/{original.Dossier.Id}");
        Assert.Null(followerRead!.Content);
        Assert.Equal(1, await service.QueryAsync(db => db.Dossiers.CountAsync(d => d.EmailKey == email)));

        // The first partner sending them again is told it already did.
        var again = await IntakeOf(await first.PostAsJsonAsync(Dossiers, SampleDossiers.Valid(email)));
        Assert.Equal(("existing", original.Dossier.Id), (again.Outcome, again.Dossier.Id));
    }

    [Fact]
    public async Task The_same_name_and_birth_date_under_another_address_is_the_same_person()
    {
        var lastName = SampleDossiers.UniqueLastName();
        using var first = Partner(Guid.NewGuid());
        using var second = Partner(Guid.NewGuid());
        var original = await IntakeOf(await first.PostAsJsonAsync(Dossiers, SampleDossiers.Valid(lastName: lastName, firstName: "Hélène")));

        var intake = await IntakeOf(await second.PostAsJsonAsync(Dossiers, SampleDossiers.Valid(lastName: lastName.ToUpperInvariant(), firstName: "helene")));

        Assert.Equal(("linked", original.Dossier.Id), (intake.Outcome, intake.Dossier.Id));
    }

    [Fact]
    public async Task Two_partners_sending_one_person_at_the_same_moment_make_one_dossier()
    {
        var email = $"simultane.{Guid.NewGuid():N}@exemple.fr";
        var partners = Enumerable.Range(0, 6).Select(_ => Partner(Guid.NewGuid())).ToList();

        var answers = await Task.WhenAll(partners.Select(p => p.PostAsJsonAsync(Dossiers, SampleDossiers.Valid(email))));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(1, await service.QueryAsync(db => db.Dossiers.CountAsync(d => d.EmailKey == email)));
        Assert.Equal(6, await service.QueryAsync(db => db.DossierPartners.CountAsync(p => db.Dossiers.Any(d => d.Id == p.DossierId && d.EmailKey == email))));
    }

    [Fact]
    public async Task A_partner_never_reaches_another_partners_dossier()
    {
        using var owner = Partner(Guid.NewGuid());
        using var stranger = Partner(Guid.NewGuid());
        var dossier = (await IntakeOf(await owner.PostAsJsonAsync(Dossiers, SampleDossiers.Valid()))).Dossier;

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Dossiers}/{dossier.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Dossiers}/{dossier.Id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"{Dossiers}/{dossier.Id}", SampleDossiers.Valid())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"{Dossiers}/{dossier.Id}/withdrawal", new WithdrawalRequest("x"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Dossiers}/{Guid.NewGuid()}")).StatusCode);
        var list = await stranger.GetFromJsonAsync<PageOf<PartnerDossierView>>(Dossiers);
        Assert.DoesNotContain(list!.Items, d => d.Id == dossier.Id);
        Assert.Equal("submitted", (await owner.GetFromJsonAsync<PartnerDossierView>($"{Dossiers}/{dossier.Id}"))!.Status.Code);
    }

    [Fact]
    public async Task The_same_idempotency_key_replays_the_first_answer_and_refuses_another_body()
    {
        using var partner = Partner(Guid.NewGuid());
        var key = Guid.NewGuid().ToString();
        var body = JsonSerializer.Serialize(SampleDossiers.Valid(), JsonSerializerOptions.Web);

        using var first = await partner.SendAsync(Post(body, key));
        using var replay = await partner.SendAsync(Post(body, key));
        using var other = await partner.SendAsync(Post(JsonSerializer.Serialize(SampleDossiers.Valid(), JsonSerializerOptions.Web), key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.True(replay.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal((await IntakeOf(first)).Dossier.Id, (await IntakeOf(replay)).Dossier.Id);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Contains("Idempotency-Key", (await other.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Concurrent_first_requests_with_one_key_create_one_dossier()
    {
        using var partner = Partner(Guid.NewGuid());
        var key = Guid.NewGuid().ToString();
        var request = SampleDossiers.Valid();
        var body = JsonSerializer.Serialize(request, JsonSerializerOptions.Web);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => partner.SendAsync(Post(body, key))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Single(answers.Select(a => a.Headers.Location).Distinct());
        Assert.Equal(1, await service.QueryAsync(db => db.Dossiers.CountAsync(d => d.EmailKey == request.Identification!.Email!.ToLowerInvariant())));
    }

    [Fact]
    public async Task A_refused_dossier_writes_nothing()
    {
        using var partner = Partner(Guid.NewGuid());
        var valid = SampleDossiers.Valid();
        var before = await CountsAsync();

        using var refused = await partner.SendAsync(Post(
            JsonSerializer.Serialize(valid with { Identification = valid.Identification! with { Email = "x" } }, JsonSerializerOptions.Web),
            Guid.NewGuid().ToString()));
        using var unknownField = await partner.PostAsync(Dossiers, new StringContent("{\"identite\":{}}", Encoding.UTF8, "application/json"));
        using var notJson = await partner.PostAsync(Dossiers, new StringContent("nom=Martin", Encoding.UTF8, "application/x-www-form-urlencoded"));
        using var tooLarge = await partner.PostAsync(Dossiers, new StringContent(new string(' ', 300 * 1024) + "{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("identification.email", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.Contains("identite", await unknownField.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task The_submitter_updates_and_withdraws_a_follower_may_not()
    {
        var email = $"retrait.{Guid.NewGuid():N}@exemple.fr";
        using var submitter = Partner(Guid.NewGuid());
        using var follower = Partner(Guid.NewGuid());
        var dossier = (await IntakeOf(await submitter.PostAsJsonAsync(Dossiers, SampleDossiers.Valid(email)))).Dossier;
        await follower.PostAsJsonAsync(Dossiers, SampleDossiers.Valid(email));
        var moved = SampleDossiers.Valid(email, postalCode: "57000");

        Assert.Equal(HttpStatusCode.Forbidden, (await follower.PutAsJsonAsync($"{Dossiers}/{dossier.Id}", moved)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await follower.PostAsJsonAsync($"{Dossiers}/{dossier.Id}/withdrawal", new WithdrawalRequest("x"))).StatusCode);
        var updated = await (await submitter.PutAsJsonAsync($"{Dossiers}/{dossier.Id}", moved)).Content.ReadFromJsonAsync<PartnerDossierView>();
        Assert.Equal("Lorraine", updated!.Territory);

        Assert.Equal(HttpStatusCode.BadRequest, (await submitter.PostAsJsonAsync($"{Dossiers}/{dossier.Id}/withdrawal", new WithdrawalRequest(" "))).StatusCode);
        using var withdrawn = await submitter.PostAsJsonAsync($"{Dossiers}/{dossier.Id}/withdrawal", new WithdrawalRequest("A trouvé un emploi."));
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        using var again = await submitter.PostAsJsonAsync($"{Dossiers}/{dossier.Id}/withdrawal", new WithdrawalRequest("Encore."));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Retiré", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await submitter.PutAsJsonAsync($"{Dossiers}/{dossier.Id}", moved)).StatusCode);

        var history = (await follower.GetFromJsonAsync<DossierTransitionView[]>($"{Dossiers}/{dossier.Id}/history"))!;
        Assert.Equal(["submitted", "withdrawn"], history.Select(t => t.To));
        Assert.Equal(("submitted", "A trouvé un emploi."), (history[1].From, history[1].Reason));
        Assert.Equal(1, await OutboxCountAsync<DossierStatusChanged>(dossier.Id));
    }

    [Fact]
    public async Task The_list_pages_by_update_and_filters_by_status_and_date()
    {
        using var partner = Partner(Guid.NewGuid());
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await IntakeOf(await partner.PostAsJsonAsync(Dossiers, SampleDossiers.Valid()))).Dossier.Id);
        }

        var all = await partner.GetFromJsonAsync<PageOf<PartnerDossierView>>($"{Dossiers}?pageSize=2");
        Assert.Equal((3, 2), (all!.Total, all.Items.Count));
        Assert.Equal(ids.Take(2), all.Items.Select(d => d.Id));
        var since = all.Items[1].UpdatedAt;
        var later = await partner.GetFromJsonAsync<PageOf<PartnerDossierView>>($"{Dossiers}?updatedSince={Uri.EscapeDataString(since.ToString("O"))}");
        Assert.Equal([ids[2]], later!.Items.Select(d => d.Id));
        await partner.PostAsJsonAsync($"{Dossiers}/{ids[0]}/withdrawal", new WithdrawalRequest("Déménagement."));
        var withdrawn = await partner.GetFromJsonAsync<PageOf<PartnerDossierView>>($"{Dossiers}?status=withdrawn");
        Assert.Equal([ids[0]], withdrawn!.Items.Select(d => d.Id));

        using var badStatus = await partner.GetAsync($"{Dossiers}?status=publie&page=0");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        var problem = await badStatus.Content.ReadAsStringAsync();
        Assert.Contains("status", problem);
        Assert.Contains("page", problem);
    }

    /// <summary>The outbox rows of one event type about one dossier (the payload is jsonb: compared here).</summary>
    private async Task<int> OutboxCountAsync<TEvent>(Guid dossierId)
    {
        var rows = await service.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.MessageType.Contains(typeof(TEvent).Name)).ToListAsync());
        return rows.Count(m => m.Payload.Contains(dossierId.ToString(), StringComparison.Ordinal));
    }

    private static HttpRequestMessage Post(string body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Dossiers) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private Task<(int Dossiers, int Partners, int Transitions, int Outbox, int Keys)> CountsAsync() => service.QueryAsync(async db => (
        await db.Dossiers.CountAsync(), await db.DossierPartners.CountAsync(), await db.DossierTransitions.CountAsync(),
        await db.Set<OutboxMessage>().CountAsync(), await db.IdempotentRequests.CountAsync()));
}
