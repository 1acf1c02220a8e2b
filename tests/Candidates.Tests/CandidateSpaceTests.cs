using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nege.Candidates.Consents;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;
using UglyToad.PdfPig;

namespace Candidates.Tests;

/// <summary>The candidate's own space: attaching the dossier with the e-mailed code, reading, exporting, withdrawing a consent.</summary>
[Collection(CandidatesCollection.Name)]
public sealed class CandidateSpaceTests(CandidatesService service)
{
    private const string Me = "/api/candidates/me";

    private async Task<string> LastCodeSentToAsync(string email)
    {
        var payloads = await service.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.MessageType.Contains(nameof(CandidateAttachmentCodeRequested))).OrderBy(m => m.OccurredAt).Select(m => m.Payload).ToListAsync());
        return payloads.Select(p => JsonSerializer.Deserialize<CandidateAttachmentCodeRequested>(p, JsonSerializerOptions.Web)!).Last(e => e.Email == email).Code;
    }

    [Fact]
    public async Task The_candidate_attaches_the_dossier_with_the_emailed_code_reads_and_exports_it_and_withdraws_the_pool_consent()
    {
        using var partner = service.CreateClient(service.Tokens.ForPartnerClient($"partner-{Guid.NewGuid():N}", Guid.NewGuid(), [NegeScopes.CandidatesRead, NegeScopes.CandidatesWrite]));
        var request = SampleDossiers.Valid() with { Consent = new ConsentInput(CandidateNotices.CurrentDataUseVersion, true) { TalentPool = true } };
        using var created = await partner.PostAsJsonAsync("/api/candidates/v1/dossiers", request);
        var dossier = (await created.Content.ReadFromJsonAsync<DossierIntakeView>())!.Dossier;
        var email = request.Identification!.Email!;
        var accountId = Guid.NewGuid();
        using var candidate = service.CreateClient(service.Tokens.ForPerson([], subject: accountId, name: "Élodie", email: $"autre.{Guid.NewGuid():N}@exemple.fr"));

        Assert.Equal(HttpStatusCode.NotFound, (await candidate.GetAsync($"{Me}/dossier")).StatusCode);
        using var unknown = await candidate.PostAsJsonAsync($"{Me}/attachment", new AttachmentRequest($"personne.{Guid.NewGuid():N}@exemple.fr"));
        using var asked = await candidate.PostAsJsonAsync($"{Me}/attachment", new AttachmentRequest(email.ToUpperInvariant()));
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (unknown.StatusCode, asked.StatusCode));
        Assert.Equal(await unknown.Content.ReadFromJsonAsync<AttachmentView>() is { } a ? a.Message : null, (await asked.Content.ReadFromJsonAsync<AttachmentView>())!.Message);
        var code = await LastCodeSentToAsync(email);

        using var wrong = await candidate.PostAsJsonAsync($"{Me}/attachment/confirmation", new AttachmentConfirmation(code == "000000" ? "111111" : "000000"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("il vous reste 4", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await candidate.PostAsJsonAsync($"{Me}/attachment/confirmation", new AttachmentConfirmation(code))).StatusCode);

        var view = await candidate.GetFromJsonAsync<CandidateDossierView>($"{Me}/dossier");
        Assert.Equal((dossier.Id, request.Identification.LastName), (view!.Id, view.Content.Identification.LastName));
        Assert.Equal(CandidateNotices.CurrentDataUseVersion, view.NoticeVersion);
        Assert.True(view.Consents.Single(c => c.Kind == "talent_pool").Given);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(36)).Year, view.ErasureDue.Year);

        using var json = await candidate.GetAsync($"{Me}/dossier/export.json");
        Assert.Equal("attachment", json.Content.Headers.ContentDisposition!.DispositionType);
        var exported = JsonSerializer.Deserialize<CandidateDossierView>(await json.Content.ReadAsStringAsync(), JsonSerializerOptions.Web);
        Assert.Equal(view.Number, exported!.Number);
        using var pdf = await candidate.GetAsync($"{Me}/dossier/export.pdf");
        Assert.True(pdf.Content.Headers.ContentType!.MediaType == "application/pdf", await pdf.Content.ReadAsStringAsync());
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Join("\n", document.GetPages().Select(p => p.Text));
            foreach (var expected in new[] { view.Number, request.Identification.LastName!, "Développeuse .NET", "Conditions d'utilisation des données personnelles" })
            {
                Assert.Contains(expected, text, StringComparison.Ordinal);
            }
        }

        using var withdrawn = await candidate.PostAsJsonAsync($"{Me}/consents", new ConsentChangeRequest("talent_pool", false));
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var consents = (await withdrawn.Content.ReadFromJsonAsync<List<ConsentStateView>>())!;
        var pool = consents.Single(c => c.Kind == "talent_pool");
        Assert.Equal((false, "candidate"), (pool.Given, pool.By));
        Assert.Equal([true, false], pool.History.Select(h => h.Given));
        Assert.Equal(HttpStatusCode.BadRequest, (await candidate.PostAsJsonAsync($"{Me}/consents", new ConsentChangeRequest("data_use_notice", false))).StatusCode);

        // Another person cannot take the dossier: it is attached.
        using var other = service.CreateClient(service.Tokens.ForPerson([], subject: Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.Accepted, (await other.PostAsJsonAsync($"{Me}/attachment", new AttachmentRequest(email))).StatusCode);
        Assert.Equal(code, await LastCodeSentToAsync(email));
        Assert.Equal(1, await service.QueryAsync(db => db.CandidateAttachments.CountAsync(x => x.DossierId == dossier.Id)));
        Assert.Contains(await service.QueryAsync(db => db.ConsentRecords.Where(r => r.DossierId == dossier.Id).ToListAsync()),
            r => r.Kind == ConsentKind.TalentPool && !r.Given && r.By == ConsentGiver.Candidate && r.ById == accountId.ToString());
    }
}
