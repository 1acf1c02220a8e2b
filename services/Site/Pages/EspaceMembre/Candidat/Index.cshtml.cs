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
/// attach it (the dossier's e-mail address, then the six-digit code sent there; or, for a person who cannot receive the
/// code, the dossier's number, which the commission's pilot confirms); once attached, the whole dossier
/// (the right of access), its exports, the two consents the candidate gives or withdraws, their answers to the
/// interested companies and the commitments they report (« Tenir l'association informée »). The corrections and the
/// requests to the pilot have their pages (<see cref="RectificationModel"/>, <see cref="DemandesModel"/>).
/// </summary>
public sealed class IndexModel(CandidatesApi api) : PageModel
{
    public const string Path = CandidateSpaceDisplay.SpacePath;

    /// <summary>The messages about the commitments as a whole (an unknown kind), at the top of their section.</summary>
    public const string CommitmentsKey = "Commitments";

    /// <summary>The messages about the answers to the interested companies (already answered, gone), at the top of their section.</summary>
    public const string InterestsKey = "Interests";

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
        ["rectifie"] = "Vos corrections sont enregistrées.",
        ["engagement"] = "Merci : le pilote de la commission et votre conseiller en sont avertis.",
        ["engagement-vivier"] = "Merci : le pilote de la commission et votre conseiller en sont avertis. Si votre fiche anonyme était dans le vivier, elle n'est plus proposée aux entreprises.",
        ["interet-accepte"] = "Votre accord est enregistré : l'entreprise reçoit vos coordonnées et vos documents.",
        ["interet-refuse"] = "Votre refus est enregistré : l'entreprise ne recevra pas vos coordonnées.",
    };

    /// <summary>« Adresse électronique du dossier ».</summary>
    [BindProperty]
    public string? Email { get; set; }

    /// <summary>The six-digit code received by e-mail.</summary>
    [BindProperty]
    public string? Code { get; set; }

    /// <summary>« Je ne reçois pas le code »: the dossier's number and a word to the pilot, who confirms instead of the code.</summary>
    [BindProperty]
    public PilotAttachmentInput PilotAttachment { get; set; } = new();

    /// <summary>One of the six one-click forms of « Tenir l'association informée »: its kind, and what the candidate adds.</summary>
    [BindProperty]
    public CommitmentInput Commitment { get; set; } = new();

    public CandidateDossierView? Dossier { get; private set; }

    /// <summary>No dossier is attached (the API's 404): the attachment forms are shown, with <see cref="NotAttachedDetail"/>.</summary>
    public bool NotAttached { get; private set; }

    public string? NotAttachedDetail { get; private set; }

    /// <summary>A code was asked for (or typed): the code form is shown, with the API's message and the code's expiry.</summary>
    public AttachmentView? Pending { get; private set; }

    public bool ShowsCodeForm { get; private set; }

    /// <summary>The pilot was asked: the API's message, the same whatever the number (the page never tells which dossiers exist).</summary>
    public AttachmentView? AskedPilot { get; private set; }

    public string? Notice { get; private set; }

    public static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", French);

    public static string ConsentLabel(bool given) => given ? "donné" : "retiré";

    /// <summary>Where the API's message about a commitment's details goes: beside that commitment's own field.</summary>
    public static string CommitmentDetailsKey(string kind) => $"Commitment.{kind}";

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

    public async Task<IActionResult> OnPostAskPilotAsync(CancellationToken ct)
    {
        try
        {
            AskedPilot = await api.AskPilotForAttachmentAsync(Blank(PilotAttachment.Number), Blank(PilotAttachment.Message), ct);
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.Conflict)
        {
            return RedirectToPage();
        }
        catch (CandidatesApiException exception)
        {
            // number, message → PilotAttachment.Number, PilotAttachment.Message; an account without an address, at the top.
            ModelState.AddProblem(exception, nameof(PilotAttachment));
        }

        return await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostCommitmentAsync(CancellationToken ct)
    {
        var kind = Commitment.Kind;
        if (!CandidateSpaceDisplay.IsCommitment(kind))
        {
            ModelState.AddModelError(CommitmentsKey, "Choisissez ce que vous signalez parmi les six boutons.");
            return await LoadAsync(ct);
        }

        try
        {
            var details = string.IsNullOrWhiteSpace(Commitment.Details) ? null : Commitment.Details.Trim();
            await api.ReportCommitmentAsync(kind, details, ct);
            var done = CandidateSpaceDisplay.LeavingThePool.Contains(kind!) ? "engagement-vivier" : "engagement";
            return RedirectToPage(null, null, new { etat = done }, "engagements");
        }
        catch (CandidatesApiException exception) when (exception.Problem?.Errors is { Count: > 0 } errors)
        {
            foreach (var (field, messages) in errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field.Equals("details", StringComparison.OrdinalIgnoreCase) ? CommitmentDetailsKey(kind!) : CommitmentsKey, message);
                }
            }
        }
        catch (CandidatesApiException exception) when (exception.Status != HttpStatusCode.NotFound)
        {
            ModelState.AddModelError(CommitmentsKey, MessageOf(exception));
        }
        catch (CandidatesApiException)
        {
            // No dossier attached any more: the page says so and offers to attach one.
        }

        return await LoadAsync(ct);
    }

    /// <summary>« J'accepte d'être contacté(e) » / « Je refuse »: the candidate answers a company's interest; 409 once answered.</summary>
    public async Task<IActionResult> OnPostInterestAsync(Guid interestId, bool? agreed, CancellationToken ct)
    {
        if (agreed is not { } answer || interestId == Guid.Empty)
        {
            ModelState.AddModelError(InterestsKey, "Indiquez si vous acceptez ou refusez d'être contacté(e) par l'entreprise.");
            return await LoadAsync(ct);
        }

        try
        {
            await api.AnswerInterestFromSpaceAsync(interestId, answer, ct);
            return RedirectToPage(null, null, new { etat = answer ? "interet-accepte" : "interet-refuse" }, "interets");
        }
        catch (CandidatesApiException exception)
        {
            ModelState.AddModelError(InterestsKey, MessageOf(exception));
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
            ModelState.AddModelError("Consents", MessageOf(exception));
        }

        return await LoadAsync(ct);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The API's one message for a form that has no field of its own to put it beside.</summary>
    private static string MessageOf(CandidatesApiException exception) =>
        exception.Status == HttpStatusCode.Unauthorized
            ? ProblemDisplay.SessionExpired
            : exception.Problem?.Errors?.Values.SelectMany(m => m).FirstOrDefault()
              ?? exception.Problem?.Detail ?? exception.Problem?.Title ?? exception.Unavailable;

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

    public sealed class PilotAttachmentInput
    {
        /// <summary>« D-000123 », as the e-mail sent when the dossier was submitted writes it.</summary>
        public string? Number { get; set; }

        /// <summary>Optional: how to reach the person, why the code does not come…</summary>
        public string? Message { get; set; }
    }

    public sealed class CommitmentInput
    {
        /// <summary>« interview », « found_job »…: the button's form.</summary>
        public string? Kind { get; set; }

        /// <summary>Optional: which company, until when, which training…</summary>
        public string? Details { get; set; }
    }
}
