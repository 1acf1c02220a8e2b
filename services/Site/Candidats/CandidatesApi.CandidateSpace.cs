using Nege.Contracts.Api.Candidates;
using Nege.Site.Api;

namespace Nege.Site.Candidats;

/// <summary>
/// The candidates' own space (« Je suis candidat »): any logged-in person attaches their dossier with the six-digit code
/// sent to the dossier's address, then reads all of it, exports it (JSON, PDF) and gives or withdraws their consents.
/// </summary>
public sealed partial class CandidatesApi
{
    private const string Me = "api/candidates/me";

    /// <summary>202 with the same message whether or not a dossier has that address; 400 <c>email</c>; 409 when already attached.</summary>
    public Task<AttachmentView> RequestAttachmentAsync(string? email, CancellationToken ct) =>
        SendAsync<AttachmentView>(HttpMethod.Post, $"{Me}/attachment", new AttachmentRequest(email), ct);

    /// <summary>200 once attached; 400 <c>code</c> with the API's French message (tries left, expired…).</summary>
    public Task<AttachmentView> ConfirmAttachmentAsync(string? code, CancellationToken ct) =>
        SendAsync<AttachmentView>(HttpMethod.Post, $"{Me}/attachment/confirmation", new AttachmentConfirmation(code), ct);

    /// <summary>The whole dossier attached to the account; 404 when none is.</summary>
    public Task<CandidateDossierView> GetMyDossierAsync(CancellationToken ct) =>
        SendAsync<CandidateDossierView>(HttpMethod.Get, $"{Me}/dossier", null, ct);

    /// <summary>The dossier as a file, <c>json</c> or <c>pdf</c>, streamed; 404 when none is attached.</summary>
    public async Task<DocumentDownload> ExportMyDossierAsync(string format, CancellationToken ct)
    {
        using var request = ServiceApi.NewRequest(HttpMethod.Get, $"{Me}/dossier/export.{format}", null);
        return new DocumentDownload(await SendCheckedAsync(request, HttpCompletionOption.ResponseHeadersRead, ct));
    }

    /// <summary>Gives or withdraws <c>talent_pool</c> or <c>social_network_promotion</c>; the consents as they now stand.</summary>
    public Task<IReadOnlyList<ConsentStateView>> ChangeMyConsentAsync(string kind, bool given, CancellationToken ct) =>
        SendAsync<IReadOnlyList<ConsentStateView>>(HttpMethod.Post, $"{Me}/consents", new ConsentChangeRequest(kind, given), ct);
}
