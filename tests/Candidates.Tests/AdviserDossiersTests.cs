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

/// <summary>
/// The partners' advisers in the extranet (a person's token, role employment_partner, attached to
/// their organisation): the same dossiers and rules as their organisation's system, reads audited.
/// </summary>
[Collection(CandidatesCollection.Name)]
public sealed class AdviserDossiersTests(CandidatesService service)
{
    private const string Dossiers = "/api/candidates/adviser/dossiers";

    private sealed record Adviser(Guid Id, string Name, string Email, HttpClient Client);

    private Adviser AdviserOf(Guid? organisationId)
    {
        var id = Guid.NewGuid();
        var name = $"Conseil {id:N}"[..16];
        var email = $"conseil.{id:N}@agence.fr";
        return new Adviser(id, name, email, service.CreateClient(
            service.Tokens.ForPerson([NegeRoles.EmploymentPartner], organisationId, subject: id, name: name, email: email)));
    }

    private HttpClient SystemOf(Guid organisationId) =>
        service.CreateClient(service.Tokens.ForPartnerClient($"partner-{Guid.NewGuid():N}", organisationId, [NegeScopes.CandidatesRead, NegeScopes.CandidatesWrite]));

    private static async Task<DossierIntakeView> IntakeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<DossierIntakeView>())!;

    [Fact]
    public async Task An_adviser_submits_a_dossier_follows_it_as_its_adviser_and_their_reads_are_audited()
    {
        var adviser = AdviserOf(Guid.NewGuid());

        using var created = await adviser.Client.PostAsJsonAsync(Dossiers, SampleDossiers.Valid());

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var intake = await IntakeOf(created);
        Assert.Equal($"{Dossiers}/{intake.Dossier.Id}", created.Headers.Location!.OriginalString);
        Assert.Equal(new AdviserView(adviser.Name, adviser.Email), intake.Dossier.Adviser);
        var history = await adviser.Client.GetFromJsonAsync<DossierTransitionView[]>($"{Dossiers}/{intake.Dossier.Id}/history");
        Assert.Equal(adviser.Name, Assert.Single(history!).By);
        Assert.Equal(0, await ReadsAsync(intake.Dossier.Id));

        var read = await adviser.Client.GetFromJsonAsync<PartnerDossierView>(created.Headers.Location);

        Assert.NotNull(read!.Content);
        var audit = Assert.Single(await service.QueryAsync(db => db.PersonalDataReads.Where(r => r.DossierId == intake.Dossier.Id).ToListAsync()));
        Assert.Equal((adviser.Id, adviser.Name, "dossier"), (audit.AccountId, audit.ReaderName, audit.What));
    }

    [Fact]
    public async Task Reading_a_dossier_with_RQTH_is_audited_as_health_data_and_a_document_download_as_a_document()
    {
        var adviser = AdviserOf(Guid.NewGuid());
        var request = SampleDossiers.Valid() with { Context = new SearchContextInput(null, null, [CandidateForm.EmploymentObligation]) };
        var dossier = (await IntakeOf(await adviser.Client.PostAsJsonAsync(Dossiers, request))).Dossier;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(CandidateForm.DocumentKinds[0], Encoding.UTF8), "kind" },
            { new ByteArrayContent(SampleDocuments.Pdf()), "file", "cv.pdf" },
        };
        using var uploaded = await adviser.Client.PostAsync($"{Dossiers}/{dossier.Id}/documents", form);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        Assert.StartsWith($"{Dossiers}/{dossier.Id}/documents/", uploaded.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var stored = await uploaded.Content.ReadFromJsonAsync<DossierDocumentView>();
        Assert.Equal((null, adviser.Name), (stored!.UploadedByClientId, stored.UploadedBy));

        await adviser.Client.GetFromJsonAsync<PartnerDossierView>($"{Dossiers}/{dossier.Id}");
        using var download = await adviser.Client.GetAsync(uploaded.Headers.Location);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(SampleDocuments.Pdf(), await download.Content.ReadAsByteArrayAsync());
        var reads = await service.QueryAsync(db => db.PersonalDataReads.Where(r => r.DossierId == dossier.Id).OrderBy(r => r.Id).Select(r => r.What).ToListAsync());
        Assert.Equal(["dossier", "health_data", "document"], reads);
    }

    [Fact]
    public async Task An_adviser_works_on_the_dossiers_their_organisations_system_sent_and_on_no_other()
    {
        var organisation = Guid.NewGuid();
        using var system = SystemOf(organisation);
        var ours = (await IntakeOf(await system.PostAsJsonAsync("/api/candidates/v1/dossiers", SampleDossiers.Valid()))).Dossier;
        using var otherSystem = SystemOf(Guid.NewGuid());
        var theirs = (await IntakeOf(await otherSystem.PostAsJsonAsync("/api/candidates/v1/dossiers", SampleDossiers.Valid()))).Dossier;
        var adviser = AdviserOf(organisation);

        var list = await adviser.Client.GetFromJsonAsync<PageOf<PartnerDossierView>>($"{Dossiers}?pageSize=100");

        Assert.Equal([ours.Id], list!.Items.Select(d => d.Id));
        var second = (await IntakeOf(await system.PostAsJsonAsync("/api/candidates/v1/dossiers", SampleDossiers.Valid()))).Dossier;
        var recentFirst = await adviser.Client.GetFromJsonAsync<PageOf<PartnerDossierView>>($"{Dossiers}?order=recent");
        Assert.Equal([second.Id, ours.Id], recentFirst!.Items.Select(d => d.Id));
        Assert.Equal(HttpStatusCode.BadRequest, (await adviser.Client.GetAsync($"{Dossiers}?order=nom")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await adviser.Client.GetAsync($"{Dossiers}/{ours.Id}")).StatusCode);
        foreach (var call in new Func<Task<HttpResponseMessage>>[]
                 {
                     () => adviser.Client.GetAsync($"{Dossiers}/{theirs.Id}"),
                     () => adviser.Client.GetAsync($"{Dossiers}/{theirs.Id}/history"),
                     () => adviser.Client.GetAsync($"{Dossiers}/{theirs.Id}/documents"),
                     () => adviser.Client.PutAsJsonAsync($"{Dossiers}/{theirs.Id}", SampleDossiers.Valid()),
                     () => adviser.Client.PostAsJsonAsync($"{Dossiers}/{theirs.Id}/withdrawal", new WithdrawalRequest("Erreur")),
                 })
        {
            using var refused = await call();
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        Assert.Equal(0, await ReadsAsync(theirs.Id));
    }

    [Fact]
    public async Task An_adviser_whose_account_has_no_organisation_is_told_so_and_nothing_is_written()
    {
        var adviser = AdviserOf(null);
        var before = await CountsAsync();

        using var refused = await adviser.Client.PostAsJsonAsync(Dossiers, SampleDossiers.Valid());

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<ProblemBody>();
        Assert.Contains("rattaché à aucun organisme", problem!.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await adviser.Client.GetAsync(Dossiers)).StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_wrong_adviser_is_refused_per_field_and_nothing_is_written()
    {
        using var system = SystemOf(Guid.NewGuid());
        var before = await CountsAsync();

        using var refused = await system.PostAsJsonAsync("/api/candidates/v1/dossiers",
            SampleDossiers.Valid() with { Adviser = new AdviserInput(" ", "pas-une-adresse") });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<ValidationBody>();
        Assert.Equal(["adviser.email", "adviser.name"], problem!.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("courriel du conseiller", problem.Errors["adviser.email"][0], StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Each_partners_adviser_is_in_the_status_change_and_a_double_submit_makes_one_dossier()
    {
        var submitterSystem = SystemOf(Guid.NewGuid());
        var email = $"suivi.{Guid.NewGuid():N}@exemple.fr";
        var named = new AdviserInput("Nadia Référente", $"nadia.{Guid.NewGuid():N}@agence.fr");
        using var created = await submitterSystem.PostAsJsonAsync("/api/candidates/v1/dossiers", SampleDossiers.Valid(email) with { Adviser = named });
        var dossier = (await IntakeOf(created)).Dossier;
        Assert.Equal(new AdviserView(named.Name!, named.Email!), dossier.Adviser);

        // An adviser of another agency sends the same person, twice with one key: one link, one answer.
        var follower = AdviserOf(Guid.NewGuid());
        var key = Guid.NewGuid().ToString();
        var body = JsonSerializer.Serialize(SampleDossiers.Valid(email), JsonSerializerOptions.Web);
        var answers = new List<HttpResponseMessage>();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, Dossiers) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            post.Headers.Add("Idempotency-Key", key);
            answers.Add(await follower.Client.SendAsync(post));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal("true", answers[1].Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal("linked", (await IntakeOf(answers[0])).Outcome);
        Assert.Equal(2, await service.QueryAsync(db => db.DossierPartners.CountAsync(p => p.DossierId == dossier.Id)));

        using var withdrawn = await submitterSystem.PostAsJsonAsync($"/api/candidates/v1/dossiers/{dossier.Id}/withdrawal", new WithdrawalRequest("Le candidat a trouvé un emploi."));
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);

        // The payload is jsonb: compared here.
        var payloads = await service.QueryAsync(db => db.Set<OutboxMessage>()
            .Where(m => m.MessageType.Contains(nameof(DossierStatusChanged))).Select(m => m.Payload).ToListAsync());
        var changed = Assert.Single(payloads, p => p.Contains(dossier.Id.ToString(), StringComparison.Ordinal));
        Assert.Contains(named.Email!, changed, StringComparison.Ordinal);
        Assert.Contains(follower.Email, changed, StringComparison.Ordinal);
        Assert.Contains($"/espace-membre/dossiers/{dossier.Id}", changed, StringComparison.Ordinal);
        Assert.Contains("Élodie", changed, StringComparison.Ordinal);
    }

    private Task<int> ReadsAsync(Guid dossierId) => service.QueryAsync(db => db.PersonalDataReads.CountAsync(r => r.DossierId == dossierId));

    private Task<(int Dossiers, int Partners, int Outbox, int Keys, int Reads)> CountsAsync() => service.QueryAsync(async db => (
        await db.Dossiers.CountAsync(), await db.DossierPartners.CountAsync(), await db.Set<OutboxMessage>().CountAsync(),
        await db.IdempotentRequests.CountAsync(), await db.PersonalDataReads.CountAsync()));

    private sealed record ProblemBody(string? Title, string? Detail);

    private sealed record ValidationBody(Dictionary<string, string[]> Errors);
}
