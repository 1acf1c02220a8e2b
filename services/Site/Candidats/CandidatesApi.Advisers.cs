using Microsoft.AspNetCore.Mvc;
using System.Net.Http.Headers;
using Nege.Contracts.Api.Candidates;
using Nege.Site.Api;
using AdviserPage = Nege.ServiceDefaults.Http.PageOf<Nege.Contracts.Api.Candidates.PartnerDossierView>;

namespace Nege.Site.Candidats;

/// <summary>
/// The advisers' API: an employment partner's colleague (role <c>employment_partner</c>, their account attached to
/// their organisation) submits and follows their organisation's dossiers in the extranet, with the same bodies and
/// rules as the partners' API v1. Candidates finds the organisation in the person's token (<c>organisation_id</c>).
/// </summary>
public sealed partial class CandidatesApi
{
    /// <summary>Sent with each submission form: the same rendered form sent twice makes one dossier (or one document, one withdrawal).</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private const string AdviserDossiers = "api/candidates/adviser/dossiers";

    /// <param name="status">A status's code, or null for all.</param>
    /// <summary>The organisation's dossiers, the most recently updated first.</summary>
    public Task<AdviserPage> GetAdviserDossiersAsync(string? status, int page, CancellationToken ct)
    {
        var query = status is { Length: > 0 } ? $"status={ServiceApi.Escape(status)}&" : "";
        return SendAsync<AdviserPage>(HttpMethod.Get, $"{AdviserDossiers}?{query}order=recent&page={page}&pageSize={PageSize}", null, ct);
    }

    /// <summary>201 « created », or 200 « linked » (the person's dossier from another partner, now followed) or « existing ».</summary>
    public Task<DossierIntakeView> SubmitDossierAsync(DossierRequest dossier, Guid idempotencyKey, CancellationToken ct) =>
        SendAsync<DossierIntakeView>(HttpMethod.Post, AdviserDossiers, dossier, ct, KeyHeader(idempotencyKey));

    /// <summary>Its contents only for the organisation that submitted it (null for one that follows it).</summary>
    public Task<PartnerDossierView> GetAdviserDossierAsync(Guid id, CancellationToken ct) =>
        SendAsync<PartnerDossierView>(HttpMethod.Get, $"{AdviserDossiers}/{id}", null, ct);

    public Task<IReadOnlyList<DossierTransitionView>> GetAdviserHistoryAsync(Guid id, CancellationToken ct) =>
        SendAsync<IReadOnlyList<DossierTransitionView>>(HttpMethod.Get, $"{AdviserDossiers}/{id}/history", null, ct);

    /// <summary>By the organisation that submitted it, while it is open (else 409; 403 for a follower).</summary>
    public Task<PartnerDossierView> WithdrawAsync(Guid id, WithdrawalRequest withdrawal, Guid idempotencyKey, CancellationToken ct) =>
        SendAsync<PartnerDossierView>(HttpMethod.Post, $"{AdviserDossiers}/{id}/withdrawal", withdrawal, ct, KeyHeader(idempotencyKey));

    public Task<DossierDocumentsView> GetDocumentsAsync(Guid id, CancellationToken ct) =>
        SendAsync<DossierDocumentsView>(HttpMethod.Get, $"{AdviserDossiers}/{id}/documents", null, ct);

    /// <summary>
    /// One document as <c>multipart/form-data</c> with the API's two fields, <c>kind</c> and <c>file</c>. A refused
    /// file is a 400 on <c>file</c> (on <c>kind</c> for a kind off the list), a too heavy one a 413.
    /// </summary>
    public async Task<DossierDocumentView> UploadDocumentAsync(
        Guid id, string kind, string fileName, string? declaredType, Stream content, Guid idempotencyKey, CancellationToken ct)
    {
        var file = new StreamContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.TryParse(declaredType, out var type)
            ? type
            : new MediaTypeHeaderValue("application/octet-stream");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(kind), "kind" },
            { file, "file", fileName },
        };
        using var request = ServiceApi.NewRequest(HttpMethod.Post, $"{AdviserDossiers}/{id}/documents", null, KeyHeader(idempotencyKey));
        request.Content = form;
        using var response = await SendCheckedAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        return await ReadAsync<DossierDocumentView>(response, ct);
    }

    /// <summary>The document's bytes as the API serves them, read as they come: dispose the download once sent on.</summary>
    public async Task<DocumentDownload> DownloadDocumentAsync(Guid id, Guid documentId, CancellationToken ct)
    {
        using var request = ServiceApi.NewRequest(HttpMethod.Get, $"{AdviserDossiers}/{id}/documents/{documentId}", null);
        return new DocumentDownload(await SendCheckedAsync(request, HttpCompletionOption.ResponseHeadersRead, ct));
    }

    public async Task DeleteDocumentAsync(Guid id, Guid documentId, CancellationToken ct)
    {
        using var response = await SendCheckedAsync(HttpMethod.Delete, $"{AdviserDossiers}/{id}/documents/{documentId}", null, ct);
    }

    private static Dictionary<string, string> KeyHeader(Guid key) => new() { [IdempotencyKeyHeader] = key.ToString() };
}

/// <summary>A document being downloaded from the API: its type and name as the API gave them, and its bytes.</summary>
public sealed class DocumentDownload(HttpResponseMessage response) : IDisposable
{
    /// <summary>The formats Candidates accepts (recognised by their content); anything else is sent on as bytes.</summary>
    private static readonly HashSet<string> DocumentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.oasis.opendocument.text",
        "image/png",
        "image/jpeg",
    };

    public string ContentType { get; } = response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";

    /// <summary>The name the API gives the file (<c>Content-Disposition</c>), null when it gave none.</summary>
    public string? FileName { get; } = response.Content.Headers.ContentDisposition is { } disposition
        ? (disposition.FileNameStar ?? disposition.FileName)?.Trim('"') is { Length: > 0 } name ? name : null
        : null;

    public Task<Stream> OpenAsync(CancellationToken ct) => response.Content.ReadAsStreamAsync(ct);

    /// <summary>
    /// The document as the site sends it on: always a download (personal data, never kept by the browser,
    /// never shown from the site's origin), of an accepted type or as bytes.
    /// </summary>
    public async Task<FileStreamResult> ToAttachmentAsync(HttpResponse siteResponse, CancellationToken ct)
    {
        siteResponse.RegisterForDispose(this);
        siteResponse.Headers.CacheControl = "private, no-store";
        var type = DocumentTypes.Contains(ContentType) ? ContentType : "application/octet-stream";
        return new FileStreamResult(await OpenAsync(ct), type) { FileDownloadName = FileName ?? "document" };
    }

    public void Dispose() => response.Dispose();
}
