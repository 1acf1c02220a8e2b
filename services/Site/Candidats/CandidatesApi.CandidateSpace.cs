using Nege.Contracts.Api.Candidates;
using Nege.Site.Api;

namespace Nege.Site.Candidats;

/// <summary>
/// The candidates' own space (« Je suis candidat »): any logged-in person attaches their dossier with the six-digit code
/// sent to the dossier's address (or, failing that, has the commission's pilot confirm it is theirs), then reads all of it, exports it (JSON, PDF), corrects it, gives or withdraws their
/// consents, keeps the association informed (their commitments), makes requests of the pilot and answers the companies.
/// Each answers 404 when no dossier is attached to the account.
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

    /// <summary>
    /// For a person who cannot receive the code: the dossier's number (« D-000123 ») goes to its commission's pilot, who
    /// confirms or not. 202 « pending_pilot » with the same message whatever the number; 400 <c>number</c>, <c>message</c>;
    /// 409 when a dossier is already attached.
    /// </summary>
    public Task<AttachmentView> AskPilotForAttachmentAsync(string? number, string? message, CancellationToken ct) =>
        SendAsync<AttachmentView>(HttpMethod.Post, $"{Me}/attachment/pilot", new PilotAttachmentRequest(number, message), ct);

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

    /// <summary>The sections sent replace the dossier's; 400 per field, named as <c>DossierRules</c> names them (<c>identification.address.postalCode</c>…).</summary>
    public Task<CandidateDossierView> RectifyMyDossierAsync(RectificationRequest rectification, CancellationToken ct) =>
        SendAsync<CandidateDossierView>(HttpMethod.Put, $"{Me}/dossier", rectification, ct);

    /// <summary>One of seed 004's commitments (« J'ai trouvé un emploi »…), told to the pilots and the partner; 400 <c>kind</c>, <c>details</c>.</summary>
    public Task<CommitmentView> ReportCommitmentAsync(string? kind, string? details, CancellationToken ct) =>
        SendAsync<CommitmentView>(HttpMethod.Post, $"{Me}/commitments", new CommitmentRequest(kind, details), ct);

    /// <summary>A correction, objection or erasure request to the pilot; 400 <c>kind</c>, <c>reason</c>; 409 when one of that kind is still open.</summary>
    public Task<RightsRequestView> MakeRightsRequestAsync(string? kind, string? reason, CancellationToken ct) =>
        SendAsync<RightsRequestView>(HttpMethod.Post, $"{Me}/requests", new RightsRequestInput(kind, reason), ct);

    /// <summary>The candidate agrees to a company's contact, or declines it; 409 once answered, 404 for an interest not theirs.</summary>
    public Task<InterestView> AnswerInterestFromSpaceAsync(Guid interestId, bool agreed, CancellationToken ct) =>
        SendAsync<InterestView>(HttpMethod.Post, $"{Me}/interests/{interestId}/answer", new SpaceInterestAnswer(agreed), ct);
}
