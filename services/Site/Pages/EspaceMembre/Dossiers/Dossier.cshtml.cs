using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.Site.Candidats;
using Nege.Site.Forms;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Dossiers;

/// <summary>
/// A dossier of the person's organisation: where it stands and its history for any organisation that follows it; its
/// contents, its documents (list, download, upload, removal) and its withdrawal for the one that submitted it.
/// </summary>
[FormSizeLimit(MaxFormBytes, TooLargeMessage, Field = "Upload.File")]
public sealed class DossierModel(CandidatesApi api) : PageModel
{
    /// <summary>The key of the one-time message the submission leaves for this page (the API's own sentence).</summary>
    public const string FlashKey = "dossier-depose";

    /// <summary>
    /// Above the API's limit of a document (5 Mo), so that the API's own message says a file is a little too heavy; a
    /// form heavier still is not read at all.
    /// </summary>
    public const long MaxFormBytes = 8 * 1024 * 1024;

    public const string TooLargeMessage =
        "Le fichier envoyé dépasse 8 Mo : il n'a pas été joint au dossier. Choisissez un fichier plus léger (la taille maximale d'un document est indiquée sous le formulaire).";

    private static readonly IReadOnlyDictionary<string, (string Notice, string Anchor)> Done = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["document-ajoute"] = ("Le document est joint au dossier.", "documents"),
        ["document-supprime"] = ("Le document est supprimé du dossier.", "documents"),
        ["retire"] = ("Le dossier est retiré ; son retrait et son motif sont inscrits à l'historique.", "historique"),
    };

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public UploadInput Upload { get; set; } = new();

    [BindProperty]
    public WithdrawalInput Withdrawal { get; set; } = new();

    [TempData(Key = FlashKey)]
    public string? Flash { get; set; }

    public PartnerDossierView? Dossier { get; private set; }

    public IReadOnlyList<DossierTransitionView> History { get; private set; } = [];

    /// <summary>Only for the organisation that submitted the dossier.</summary>
    public DossierDocumentsView? Documents { get; private set; }

    public string? Notice { get; private set; }

    /// <summary>
    /// The interested companies' follow-up sheets (« Fiches de suivi »), read only, for a dossier whose card was ever in
    /// the pool; null for the others and when they could not be loaded (<see cref="FollowUpsProblem"/>).
    /// </summary>
    public IReadOnlyList<FollowUpSheetView>? FollowUps { get; private set; }

    public string? FollowUpsProblem { get; private set; }

    /// <summary>A dossier whose card was published once: companies may follow a recruitment of the candidate.</summary>
    public bool WasInPool => Dossier is { } dossier
        && (dossier.Status.Code is DossierStatuses.Published or DossierStatuses.InRecruitment
            || History.Any(step => step.To == DossierStatuses.Published));

    public bool IsSubmitter => Dossier is { } dossier && PartnerDossierDisplay.IsSubmitter(dossier);

    /// <summary>Documents are added and the dossier withdrawn by the organisation that submitted it, while it is open.</summary>
    public bool CanChange => Dossier is { } dossier && IsSubmitter && PartnerDossierDisplay.IsOpen(dossier);

    public Task<IActionResult> OnGetAsync(string? etat, CancellationToken ct)
    {
        Notice = Flash ?? (etat is not null && Done.TryGetValue(etat, out var done) ? done.Notice : null);
        return LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Upload.Kind))
        {
            ModelState.AddModelError("Upload.Kind", "Choisissez le type du document.");
        }

        if (Upload.File is not { Length: > 0 })
        {
            ModelState.AddModelError("Upload.File", "Choisissez le fichier à joindre au dossier.");
        }

        if (!ModelState.IsValid)
        {
            return await LoadAsync(ct);
        }

        var file = Upload.File!;
        await using var content = file.OpenReadStream();
        return await SendAsync(
            () => api.UploadDocumentAsync(Id, Upload.Kind!.Trim(), file.FileName, file.ContentType, content, Upload.Key, ct),
            "document-ajoute", "Upload", ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Withdrawal.Reason))
        {
            ModelState.AddModelError("Withdrawal.Reason", "Indiquez pourquoi le dossier est retiré.");
            return await LoadAsync(ct);
        }

        return await SendAsync(() => api.WithdrawAsync(Id, new WithdrawalRequest(Withdrawal.Reason.Trim()), Withdrawal.Key, ct), "retire", "Withdrawal", ct);
    }

    /// <summary>
    /// Sends one of the forms; then back to the page (with what was done), or the page again with the API's messages
    /// beside that form's fields (<paramref name="prefix"/>: <c>file</c> → <c>Upload.File</c>, <c>reason</c> →
    /// <c>Withdrawal.Reason</c>). A refusal without fields (413 too heavy, 409 withdrawn or closed, 403 a follower)
    /// goes beside the form's main field.
    /// </summary>
    private async Task<IActionResult> SendAsync<T>(Func<Task<T>> send, string done, string prefix, CancellationToken ct)
    {
        var mainField = prefix == "Upload" ? "Upload.File" : "Withdrawal.Reason";
        try
        {
            await send();
            return RedirectToPage(null, null, new { id = Id, etat = done }, Done[done].Anchor);
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            return NotFound();
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.BadRequest && exception.Problem?.Errors is { Count: > 0 } errors)
        {
            foreach (var (key, messages) in errors)
            {
                var field = key switch
                {
                    "file" or "kind" or "reason" => ProblemDisplay.FieldKey(key, prefix),
                    _ => "",
                };
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field, message);
                }
            }
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.UnprocessableEntity)
        {
            ModelState.AddModelError("", PartnerDossierDisplay.KeyAlreadyUsed);
            NewKeys();
        }
        catch (CandidatesApiException exception) when (exception.Status is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.Conflict or HttpStatusCode.Forbidden)
        {
            ModelState.AddModelError(mainField, exception.Problem?.Detail ?? exception.Problem?.Title ?? exception.Unavailable);
        }
        catch (CandidatesApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }

        return await LoadAsync(ct);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        if (Upload.Key == Guid.Empty)
        {
            Upload.Key = Guid.NewGuid();
            ModelState.Remove("Upload.Key");
        }

        if (Withdrawal.Key == Guid.Empty)
        {
            Withdrawal.Key = Guid.NewGuid();
            ModelState.Remove("Withdrawal.Key");
        }

        try
        {
            Dossier = await api.GetAdviserDossierAsync(Id, ct);
            History = await api.GetAdviserHistoryAsync(Id, ct);
            if (IsSubmitter)
            {
                Documents = await api.GetDocumentsAsync(Id, ct);
            }
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            return NotFound();
        }
        catch (CandidatesApiException exception)
        {
            // 403: the account is attached to no organisation, as the API says.
            ModelState.AddProblem(exception, "");
        }

        if (WasInPool)
        {
            try
            {
                FollowUps = await api.GetAdviserFollowUpsAsync(Id, ct);
            }
            catch (CandidatesApiException exception)
            {
                FollowUpsProblem = exception.Problem?.Detail ?? exception.Unavailable;
            }
        }

        return Page();
    }

    /// <summary>A key that went with other values: new ones for the forms as shown again (see <see cref="LoadAsync"/>).</summary>
    private void NewKeys()
    {
        Upload.Key = Guid.Empty;
        Withdrawal.Key = Guid.Empty;
    }

    public sealed class UploadInput
    {
        /// <summary>One of seed 004's kinds of document.</summary>
        public string? Kind { get; set; }

        public IFormFile? File { get; set; }

        public Guid Key { get; set; }
    }

    public sealed class WithdrawalInput
    {
        public string? Reason { get; set; }

        public Guid Key { get; set; }
    }
}
