using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Candidates;
using Nege.Site.Candidats;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Candidat;

/// <summary>
/// « Mon dossier de candidat », for any logged-in person: while no dossier is attached to the account, the forms that
/// attach it (the dossier's e-mail address, then the six-digit code sent there); once attached, the whole dossier
/// (the right of access), its exports and the two consents the candidate gives or withdraws.
/// </summary>
public sealed class IndexModel(CandidatesApi api) : PageModel
{
    public const string Path = "/espace-membre/candidat";

    public const string TalentPool = "talent_pool";

    public const string SocialNetworkPromotion = "social_network_promotion";

    /// <summary>The consents the candidate changes here (the data-use notice's is not one).</summary>
    public static readonly IReadOnlyList<string> Changeable = [TalentPool, SocialNetworkPromotion];

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private static readonly IReadOnlyDictionary<string, string> Done = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["rattache"] = "Votre dossier est rattaché à votre compte.",
        ["consentement-donne"] = "Votre consentement est enregistré.",
        ["consentement-retire"] = "Votre consentement est retiré : le retrait prend effet immédiatement.",
    };

    /// <summary>« Adresse électronique du dossier ».</summary>
    [BindProperty]
    public string? Email { get; set; }

    /// <summary>The six-digit code received by e-mail.</summary>
    [BindProperty]
    public string? Code { get; set; }

    public CandidateDossierView? Dossier { get; private set; }

    /// <summary>No dossier is attached (the API's 404): the attachment forms are shown, with <see cref="NotAttachedDetail"/>.</summary>
    public bool NotAttached { get; private set; }

    public string? NotAttachedDetail { get; private set; }

    /// <summary>A code was asked for (or typed): the code form is shown, with the API's message and the code's expiry.</summary>
    public AttachmentView? Pending { get; private set; }

    public bool ShowsCodeForm { get; private set; }

    public string? Notice { get; private set; }

    public static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", French);

    public static string ConsentLabel(bool given) => given ? "donné" : "retiré";

    public Task<IActionResult> OnGetAsync(string? etat, CancellationToken ct)
    {
        Notice = etat is not null && Done.TryGetValue(etat, out var done) ? done : null;
        return LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAttachAsync(CancellationToken ct)
    {
        try
        {
            Pending = await api.RequestAttachmentAsync(Email?.Trim(), ct);
            ShowsCodeForm = true;
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.Conflict)
        {
            return RedirectToPage();
        }
        catch (CandidatesApiException exception)
        {
            ModelState.AddProblem(exception, "");
            if (exception.Problem?.Errors is { Count: > 0 } && !ModelState.ContainsKey(nameof(Email)))
            {
                ModelState.AddModelError(nameof(Email), "Vérifiez l'adresse électronique de votre dossier.");
            }
        }

        return await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        ShowsCodeForm = true;
        try
        {
            await api.ConfirmAttachmentAsync(Code?.Trim(), ct);
            return RedirectToPage(null, null, new { etat = "rattache" }, null);
        }
        catch (CandidatesApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }

        return await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostConsentAsync(string? kind, bool? given, CancellationToken ct)
    {
        if (kind is null || !Changeable.Contains(kind) || given is not { } give)
        {
            ModelState.AddModelError("Consents", "Choisissez le consentement à donner ou à retirer.");
            return await LoadAsync(ct);
        }

        try
        {
            await api.ChangeMyConsentAsync(kind, give, ct);
            return RedirectToPage(null, null, new { etat = give ? "consentement-donne" : "consentement-retire" }, "consentements");
        }
        catch (CandidatesApiException exception)
        {
            var message = exception.Problem?.Errors?.Values.SelectMany(m => m).FirstOrDefault()
                ?? exception.Problem?.Detail ?? exception.Problem?.Title ?? exception.Unavailable;
            ModelState.AddModelError("Consents", message);
        }

        return await LoadAsync(ct);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        try
        {
            Dossier = await api.GetMyDossierAsync(ct);
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            NotAttached = true;
            NotAttachedDetail = exception.Problem?.Detail;
        }
        catch (CandidatesApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }

        return Page();
    }
}
