using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Api.Candidates;
using Nege.ServiceDefaults.Security;
using Nege.ServiceDefaults.Files;

namespace Candidates.Tests;

/// <summary>A dossier's documents through partner API v1, on the real service with its own PostgreSQL database.</summary>
[Collection(CandidatesCollection.Name)]
public sealed class PartnerDocumentsTests(CandidatesService service)
{
    private const string Dossiers = "/api/candidates/v1/dossiers";
    private const int MiB = 1024 * 1024;

    private HttpClient Partner(Guid organisationId) =>
        service.CreateClient(service.Tokens.ForPartnerClient(
            $"partner-{organisationId:N}", organisationId, [NegeScopes.CandidatesRead, NegeScopes.CandidatesWrite]));

    [Fact]
    public async Task The_submitter_uploads_lists_and_downloads_the_same_bytes()
    {
        using var partner = Partner(Guid.NewGuid());
        var dossier = await SubmitAsync(partner);
        var before = await UpdatedAtAsync(dossier.Id);
        var pdf = SampleDocuments.Pdf();

        // The declared type is not what counts: the bytes are.
        using var created = await partner.SendAsync(Upload(dossier.Id, "Lettre de motivation Éloïse.pdf", pdf, "Lettre de motivation", declaredType: "text/plain"));
        using var docx = await partner.SendAsync(Upload(dossier.Id, @"C:\fakepath\cv.docx", SampleDocuments.Docx()));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var document = (await created.Content.ReadFromJsonAsync<DossierDocumentView>())!;
        Assert.Equal($"{Dossiers}/{dossier.Id}/documents/{document.Id}", created.Headers.Location!.OriginalString);
        Assert.Equal(
            (dossier.Id, "Lettre de motivation", "Lettre de motivation Éloïse.pdf", "application/pdf", (long)pdf.Length, Sha256(pdf)),
            (document.DossierId, document.Kind, document.FileName, document.ContentType, document.Size, document.Sha256));
        Assert.StartsWith("partner-", document.UploadedByClientId, StringComparison.Ordinal);
        var word = (await docx.Content.ReadFromJsonAsync<DossierDocumentView>())!;
        Assert.Equal(("cv.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), (word.FileName, word.ContentType));
        Assert.True(await UpdatedAtAsync(dossier.Id) > before);

        var list = (await partner.GetFromJsonAsync<DossierDocumentsView>($"{Dossiers}/{dossier.Id}/documents"))!;
        Assert.Equal([document.Id, word.Id], list.Documents.Select(d => d.Id));
        Assert.Equal(document, list.Documents[0]);
        Assert.Equal((pdf.Length + word.Size, 20L * MiB, 5L * MiB), (list.TotalSize, list.MaxTotalSize, list.MaxDocumentSize));

        using var download = await partner.GetAsync(created.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(pdf, bytes);
        Assert.Equal(document.Sha256, Sha256(bytes));
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal(("attachment", "Lettre de motivation Éloïse.pdf"), (disposition.DispositionType, disposition.FileNameStar));
        Assert.Equal(["nosniff"], download.Headers.GetValues("X-Content-Type-Options"));
        Assert.Contains("no-store", download.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_renamed_executable_or_a_wrong_kind_is_refused_per_field_and_writes_nothing()
    {
        using var partner = Partner(Guid.NewGuid());
        var dossier = await SubmitAsync(partner);
        var before = await CountsAsync();
        var updatedAt = await UpdatedAtAsync(dossier.Id);

        using var elf = await partner.SendAsync(Upload(dossier.Id, "cv.pdf", SampleDocuments.Elf(), key: Guid.NewGuid().ToString()));
        using var windows = await partner.SendAsync(Upload(dossier.Id, "diplome.jpg", SampleDocuments.WindowsExecutable()));
        using var pngAsPdf = await partner.SendAsync(Upload(dossier.Id, "cv.pdf", SampleDocuments.Png()));
        using var wrongKind = await partner.SendAsync(Upload(dossier.Id, "cv.pdf", SampleDocuments.Pdf(), kind: "CV"));
        using var json = await partner.PostAsJsonAsync($"{Dossiers}/{dossier.Id}/documents", new { kind = "Diplôme" });

        Assert.Contains("programme exécutable", await FieldErrorAsync(elf, "file"), StringComparison.Ordinal);
        Assert.Contains("programme exécutable", await FieldErrorAsync(windows, "file"), StringComparison.Ordinal);
        Assert.Contains("son contenu est une image PNG", await FieldErrorAsync(pngAsPdf, "file"), StringComparison.Ordinal);
        Assert.Contains("« CV » n'est pas dans la liste", await FieldErrorAsync(wrongKind, "kind"), StringComparison.Ordinal);
        Assert.Contains("multipart/form-data", await FieldErrorAsync(json, ""), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(updatedAt, await UpdatedAtAsync(dossier.Id));
    }

    [Fact]
    public async Task A_document_over_5_MB_is_refused_whether_its_size_is_announced_or_not()
    {
        using var partner = Partner(Guid.NewGuid());
        var dossier = await SubmitAsync(partner);
        var before = await CountsAsync();

        using var announced = await partner.SendAsync(Upload(dossier.Id, "cv.pdf", SampleDocuments.Pdf(5 * MiB + 1)));
        var streamed = Upload(dossier.Id, "cv.pdf", SampleDocuments.Pdf(5 * MiB + 1));
        streamed.Content!.Headers.ContentLength = null;
        using var unannounced = await partner.SendAsync(streamed);

        foreach (var refused in new[] { announced, unannounced })
        {
            var problem = await ProblemAsync(refused, HttpStatusCode.RequestEntityTooLarge);
            Assert.Equal("Requête trop volumineuse.", problem.GetProperty("title").GetString());
            Assert.StartsWith("Un document ne doit pas dépasser 5 Mo", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_dossiers_documents_add_up_to_20_MB_at_most()
    {
        using var partner = Partner(Guid.NewGuid());
        var dossier = await SubmitAsync(partner);
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            // Exactly 5 Mo each: the limit itself is allowed.
            using var created = await partner.SendAsync(Upload(dossier.Id, $"attestation-{i}.pdf", SampleDocuments.Pdf(5 * MiB), "Attestation"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            ids.Add((await created.Content.ReadFromJsonAsync<DossierDocumentView>())!.Id);
        }

        var before = await CountsAsync();

        using var refused = await partner.SendAsync(Upload(dossier.Id, "diplome.png", SampleDocuments.Png(), "Diplôme"));

        var problem = await ProblemAsync(refused, HttpStatusCode.RequestEntityTooLarge);
        Assert.StartsWith("Les documents d'un dossier ne doivent pas dépasser 20 Mo au total : ce dossier en contient déjà 20 Mo",
            problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(20L * MiB, (await partner.GetFromJsonAsync<DossierDocumentsView>($"{Dossiers}/{dossier.Id}/documents"))!.TotalSize);

        Assert.Equal(HttpStatusCode.NoContent, (await partner.DeleteAsync($"{Dossiers}/{dossier.Id}/documents/{ids[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await partner.SendAsync(Upload(dossier.Id, "diplome.png", SampleDocuments.Png(), "Diplôme"))).StatusCode);
    }

    [Fact]
    public async Task A_follower_gets_403_and_a_stranger_404_on_every_document_endpoint()
    {
        var email = $"documents.{Guid.NewGuid():N}@exemple.fr";
        using var submitter = Partner(Guid.NewGuid());
        using var follower = Partner(Guid.NewGuid());
        using var stranger = Partner(Guid.NewGuid());
        var dossier = await SubmitAsync(submitter, email);
        Assert.Equal("follower", (await SubmitAsync(follower, email)).Relation);
        using var created = await submitter.SendAsync(Upload(dossier.Id, "cv.pdf", SampleDocuments.Pdf()));
        var document = created.Headers.Location!.OriginalString;
        var before = await CountsAsync();

        foreach (var (caller, status) in new[] { (follower, HttpStatusCode.Forbidden), (stranger, HttpStatusCode.NotFound) })
        {
            var answers = new[]
            {
                await caller.SendAsync(Upload(dossier.Id, "cv.pdf", SampleDocuments.Pdf())),
                await caller.GetAsync($"{Dossiers}/{dossier.Id}/documents"),
                await caller.GetAsync(document),
                await caller.DeleteAsync(document),
            };
            foreach (var answer in answers)
            {
                var problem = await ProblemAsync(answer, status);
                Assert.Contains(status == HttpStatusCode.Forbidden ? "seul l'organisme qui l'a déposé" : "ni déposé ni ne le suit",
                    problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
                answer.Dispose();
            }
        }

        Assert.Equal(before, await CountsAsync());
        Assert.Equal(HttpStatusCode.OK, (await submitter.GetAsync(document)).StatusCode);

        // The submitter of another dossier does not reach this document through its own dossier either.
        var other = await SubmitAsync(stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Dossiers}/{other.Id}/documents/{document.Split('/')[^1]}")).StatusCode);
    }

    [Fact]
    public async Task The_same_idempotency_key_replays_the_upload_and_refuses_another_file()
    {
        using var partner = Partner(Guid.NewGuid());
        var dossier = await SubmitAsync(partner);
        var key = Guid.NewGuid().ToString();

        // Each sending builds its form again, under another multipart boundary: the same upload all the same.
        using var first = await partner.SendAsync(Upload(dossier.Id, "cv.pdf", SampleDocuments.Pdf(), key: key));
        using var replay = await partner.SendAsync(Upload(dossier.Id, "cv.pdf", SampleDocuments.Pdf(), key: key));
        using var other = await partner.SendAsync(Upload(dossier.Id, "cv.pdf", SampleDocuments.Pdf(2048), key: key));
        using var otherKind = await partner.SendAsync(Upload(dossier.Id, "cv.pdf", SampleDocuments.Pdf(), "Diplôme", key: key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.True(replay.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.Equal(await first.Content.ReadFromJsonAsync<DossierDocumentView>(), await replay.Content.ReadFromJsonAsync<DossierDocumentView>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Contains("Idempotency-Key", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherKind.StatusCode);
        Assert.Single((await partner.GetFromJsonAsync<DossierDocumentsView>($"{Dossiers}/{dossier.Id}/documents"))!.Documents);
    }

    [Fact]
    public async Task The_submitter_deletes_a_document_and_its_bytes_even_once_the_dossier_is_withdrawn()
    {
        using var partner = Partner(Guid.NewGuid());
        var dossier = await SubmitAsync(partner);
        using var cv = await partner.SendAsync(Upload(dossier.Id, "cv.odt", SampleDocuments.Odt()));
        using var diploma = await partner.SendAsync(Upload(dossier.Id, "diplome.jpeg", SampleDocuments.Jpeg(), "Diplôme"));
        var cvId = (await cv.Content.ReadFromJsonAsync<DossierDocumentView>())!.Id;
        var diplomaId = (await diploma.Content.ReadFromJsonAsync<DossierDocumentView>())!.Id;
        var before = await UpdatedAtAsync(dossier.Id);

        using var deleted = await partner.DeleteAsync(cv.Headers.Location);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.True(await UpdatedAtAsync(dossier.Id) > before);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync(cv.Headers.Location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.DeleteAsync(cv.Headers.Location)).StatusCode);
        Assert.Equal(0, await service.QueryAsync(db => db.DossierDocumentContents.CountAsync(c => c.DocumentId == cvId)));
        Assert.Equal([diplomaId], (await partner.GetFromJsonAsync<DossierDocumentsView>($"{Dossiers}/{dossier.Id}/documents"))!.Documents.Select(d => d.Id));

        // Withdrawn: nothing more is added, and removing a document does not prolong how long the rest is kept.
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsJsonAsync($"{Dossiers}/{dossier.Id}/withdrawal", new WithdrawalRequest("A trouvé un emploi."))).StatusCode);
        var withdrawnAt = await UpdatedAtAsync(dossier.Id);
        var problem = await ProblemAsync(await partner.SendAsync(Upload(dossier.Id, "cv.pdf", SampleDocuments.Pdf())), HttpStatusCode.Conflict);
        Assert.Contains("« Retiré »", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await partner.DeleteAsync(diploma.Headers.Location)).StatusCode);
        Assert.Equal(withdrawnAt, await UpdatedAtAsync(dossier.Id));
        Assert.Equal(0, await service.QueryAsync(db => db.DossierDocuments.CountAsync(d => d.DossierId == dossier.Id)));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_upload_form_and_its_refusals()
    {
        using var client = service.Factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/api/candidates/openapi/v1.json");

        var post = document.GetProperty("paths").GetProperty($"{Dossiers}/{{id}}/documents").GetProperty("post");
        var form = post.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        Assert.Equal("binary", form.GetProperty("properties").GetProperty("file").GetProperty("format").GetString());
        Assert.Equal(Nege.Contracts.Candidates.CandidateForm.DocumentKinds,
            form.GetProperty("properties").GetProperty("kind").GetProperty("enum").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(["201", "400", "403", "404", "409", "413", "422"],
            post.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Contains("erreur 400", post.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private static async Task<PartnerDossierView> SubmitAsync(HttpClient partner, string? email = null)
    {
        using var response = await partner.PostAsJsonAsync(Dossiers, SampleDossiers.Valid(email));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<DossierIntakeView>())!.Dossier;
    }

    /// <summary>A multipart upload as a partner's system sends it (a new boundary each time).</summary>
    private static HttpRequestMessage Upload(
        Guid dossierId, string fileName, byte[] bytes, string kind = "Curriculum Vitae", string? key = null, string declaredType = "application/octet-stream")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(declaredType);
        var form = new MultipartFormDataContent { { new StringContent(kind, Encoding.UTF8), "kind" }, { file, "file", fileName } };
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Dossiers}/{dossierId}/documents") { Content = form };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return request;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The one message of a 400 under <paramref name="field"/>.</summary>
    private static async Task<string> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        return Assert.Single(problem.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString()!;
    }

    private Task<DateTimeOffset> UpdatedAtAsync(Guid dossierId) =>
        service.QueryAsync(db => db.Dossiers.Where(d => d.Id == dossierId).Select(d => d.UpdatedAt).SingleAsync());

    private Task<(int Documents, int Contents, int Keys)> CountsAsync() => service.QueryAsync(async db => (
        await db.DossierDocuments.CountAsync(), await db.DossierDocumentContents.CountAsync(), await db.IdempotentRequests.CountAsync()));
}
