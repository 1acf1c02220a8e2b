using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.Site.Candidats;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Commission;

/// <summary>
/// A candidate's dossier as their territory's commission works on it: its contents, its history, the signed
/// analyses and recommendations, and the forms to add one or to move the dossier on (a pilot decides), or, once the
/// candidate is qualified employable, to publish their pseudonymous card in the talent pool (a pilot too). It shows what
/// the candidate reported from their space (their commitments) and their requests, which a pilot answers here too, as
/// the requests of people who cannot receive the attachment code and ask a pilot to confirm the dossier is theirs.
/// </summary>
public sealed class DossierModel(CandidatesApi api) : PageModel
{
    /// <summary>Rows of the skills grid shown when none was typed (the site runs no script to add rows).</summary>
    public const int SkillRows = 5;

    private static readonly IReadOnlyDictionary<string, (string Notice, string Anchor)> Done = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["statut"] = ("Le nouveau statut du dossier est enregistré.", "historique"),
        ["analyse"] = ("L'analyse est enregistrée, signée de votre nom.", "analyses"),
        ["recommandation"] = ("La recommandation est enregistrée, signée de votre nom.", "recommandations"),
        ["publication"] = ("La fiche anonyme du candidat est publiée dans le vivier des entreprises adhérentes.", "historique"),
        ["accord"] = ("L'accord du candidat est enregistré : l'entreprise reçoit ses coordonnées et ses documents.", InterestsAnchor),
        ["refus"] = ("Le refus du candidat est enregistré : l'entreprise ne recevra pas ses coordonnées.", InterestsAnchor),
        ["demande-acceptee"] = ("La demande du candidat est acceptée ; il en est informé par courriel.", RequestsAnchor),
        ["demande-refusee"] = ("La demande du candidat est refusée ; il reçoit votre message par courriel.", RequestsAnchor),
        ["opposition-acceptee"] = ("L'opposition du candidat est acceptée : le dossier est retiré ; il en est informé par courriel.", RequestsAnchor),
        ["rattachement-confirme"] = ("Le rattachement est confirmé : le dossier est rattaché à ce compte, et la personne en est informée par courriel.", AttachmentsAnchor),
        ["rattachement-refuse"] = ("La demande de rattachement est refusée ; la personne en est informée par courriel.", AttachmentsAnchor),
    };

    /// <summary>The section « Demandes du candidat ».</summary>
    public const string RequestsAnchor = "demandes";

    /// <summary>The section « Demandes de rattachement ».</summary>
    public const string AttachmentsAnchor = "rattachements";

    /// <summary>The messages about a request no longer listed (decided meanwhile), at the top of « Demandes de rattachement ».</summary>
    public const string AttachmentsKey = "Attachments";

    /// <summary>The section « Entreprises intéressées », and where a refused answer is said (403, 409).</summary>
    public const string InterestsAnchor = "interets";

    /// <summary>The key of the messages about recording a candidate's answer to a company.</summary>
    public const string AnswerKey = "Answer";

    /// <summary>The statuses from which a pilot publishes the candidate's card (POST …/publication, not a move).</summary>
    private static readonly string[] Publishable = [DossierStatuses.Employable, DossierStatuses.WithdrawnFromPool];

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public MoveInput Move { get; set; } = new();

    [BindProperty]
    public AnalysisInput Analysis { get; set; } = new();

    [BindProperty]
    public RecommendationInput Recommendation { get; set; } = new();

    [BindProperty]
    public PublicationInput Publication { get; set; } = new();

    public CommissionDossierView? Dossier { get; private set; }

    public string? Notice { get; private set; }

    /// <summary>The request whose answer was refused, and the message typed for it (shown again in its form).</summary>
    public (Guid Id, string? Message)? Answering { get; private set; }

    /// <summary>
    /// The companies interested in the candidate (« Entreprises intéressées »), for a dossier whose card was ever in the
    /// pool; null for the others (no card, so no interest) and when the list could not be loaded (<see cref="InterestsProblem"/>).
    /// </summary>
    public IReadOnlyList<InterestView>? Interests { get; private set; }

    /// <summary>Why the list of interested companies is missing, the rest of the dossier shown.</summary>
    public string? InterestsProblem { get; private set; }

    /// <summary>The interested companies' follow-up sheets (« Fiches de suivi »), read only; loaded as <see cref="Interests"/> is.</summary>
    public IReadOnlyList<FollowUpSheetView>? FollowUps { get; private set; }

    /// <summary>Why the follow-up sheets are missing, the rest of the dossier shown.</summary>
    public string? FollowUpsProblem { get; private set; }

    /// <summary>A dossier whose card was published once: it may have interested companies.</summary>
    public bool WasInPool => Dossier is { } dossier
        && (dossier.Status.Code is DossierStatuses.Published or DossierStatuses.InRecruitment
            || dossier.History.Any(step => step.To == DossierStatuses.Published));

    /// <summary>Analyses, recommendations and moves are only added to a dossier still open (neither withdrawn nor closed).</summary>
    public bool IsOpen => Dossier is { NextStatuses.Count: > 0 };

    public bool OffersPlan => Dossier?.NextStatuses.Any(s => s.Code == DossierStatuses.AccompanimentPlanNeeded) == true;

    /// <summary>
    /// The statuses the move form offers: all the next ones but « Publié dans le vivier », which is the publication
    /// form's (the card's summary and availability go with it).
    /// </summary>
    public IReadOnlyList<StatusOption> Moves => [.. (Dossier?.NextStatuses ?? []).Where(s => s.Code != DossierStatuses.Published)];

    /// <summary>« Publier dans le vivier »: for a dossier qualified employable, or withdrawn from the pool to publish again.</summary>
    public bool OffersPublication => Dossier is { } dossier && Publishable.Contains(dossier.Status.Code);

    /// <summary>The messages about one account's request to have the dossier attached (403, 404, 409), at the top of its form.</summary>
    public static string AttachmentKey(Guid accountId) => $"Attachment.{accountId:N}";

    public Task<IActionResult> OnGetAsync(string? etat, CancellationToken ct)
    {
        Notice = etat is not null && Done.TryGetValue(etat, out var done) ? done.Notice : null;
        return LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostMoveAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Move.To))
        {
            ModelState.AddModelError("Move.To", "Choisissez le nouveau statut du dossier.");
            return await LoadAsync(ct);
        }

        var plan = Move.To == DossierStatuses.AccompanimentPlanNeeded ? Blank(Move.Plan) : null;
        return await SendAsync(() => api.MoveAsync(Id, new TransitionRequest(Move.To, Blank(Move.Reason), plan), ct), "statut", "Move", ct);
    }

    public async Task<IActionResult> OnPostAnalysisAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Analysis.Kind))
        {
            ModelState.AddModelError("Analysis.Kind", "Choisissez le type d'analyse.");
            return await LoadAsync(ct);
        }

        var (skills, rows) = Analysis.FilledSkills();
        var request = new AnalysisRequest(Analysis.Kind, skills, Blank(Analysis.Strengths), Blank(Analysis.PointsToWork), Blank(Analysis.Text));
        return await SendAsync(() => api.AnalyseAsync(Id, request, ct), "analyse", "Analysis", ct, key => AnalysisInput.FieldOf(key, rows));
    }

    public async Task<IActionResult> OnPostRecommendationAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Recommendation.Topic))
        {
            ModelState.AddModelError("Recommendation.Topic", "Choisissez le sujet de la recommandation.");
            return await LoadAsync(ct);
        }

        return await SendAsync(() => api.RecommendAsync(Id, new RecommendationRequest(Recommendation.Topic, Blank(Recommendation.Text)), ct),
            "recommandation", "Recommendation", ct);
    }

    /// <summary>
    /// A pilot publishes the card: the API checks the summary names no one and the availability, and that the candidate
    /// agreed (at the dossier's submission, or now to the pilot: <see cref="PublicationInput.CandidateAgreed"/>).
    /// </summary>
    public async Task<IActionResult> OnPostPublicationAsync(CancellationToken ct)
    {
        // A date the browser sent but that is not one: said beside the field, nothing sent.
        if (ModelState.GetFieldValidationState($"{nameof(Publication)}.{nameof(PublicationInput.AvailableFrom)}") == ModelValidationState.Invalid)
        {
            return await LoadAsync(ct);
        }

        var request = new PublicationRequest(Blank(Publication.Summary), Publication.AvailableFrom, Publication.CandidateAgreed);
        return await SendAsync(() => api.PublishAsync(Id, request, ct), "publication", nameof(Publication), ct);
    }

    /// <summary>
    /// A pilot records the candidate's answer to an interested company (« Le candidat accepte » / « Le candidat
    /// refuse »); the API's 403 (not the territory's pilot) or 409 (already answered) is said in the section.
    /// </summary>
    public async Task<IActionResult> OnPostAnswerAsync(Guid interestId, bool? agreed, CancellationToken ct)
    {
        if (agreed is not { } answer || interestId == Guid.Empty)
        {
            ModelState.AddModelError(AnswerKey, "Indiquez si le candidat accepte ou refuse le contact avec l'entreprise.");
            return await LoadAsync(ct);
        }

        return await SendAsync(() => api.AnswerInterestForCandidateAsync(interestId, answer, ct), answer ? "accord" : "refus", AnswerKey, ct);
    }

    /// <summary>
    /// A pilot answers one of the candidate's requests. An accepted erasure leaves no dossier to come back to: the
    /// requests page says it is erased.
    /// </summary>
    public async Task<IActionResult> OnPostRequestAnswerAsync(Guid requestId, string? decision, string? message, CancellationToken ct)
    {
        if (await RightsRequestAnswerForm.SendAsync(api, ModelState, requestId, decision, message, ct) is { } answered)
        {
            return DemandesModel.Outcome(answered) switch
            {
                DemandesModel.ErasedNotice => Redirect($"{DemandesModel.Path}?etat=traitees&fait={DemandesModel.ErasedNotice}"),
                DemandesModel.WithdrawnNotice => RedirectToPage(null, null, new { id = Id, etat = "opposition-acceptee" }, RequestsAnchor),
                DemandesModel.RefusedNotice => RedirectToPage(null, null, new { id = Id, etat = "demande-refusee" }, RequestsAnchor),
                _ => RedirectToPage(null, null, new { id = Id, etat = "demande-acceptee" }, RequestsAnchor),
            };
        }

        Answering = (requestId, message);
        return await LoadAsync(ct);
    }

    /// <summary>
    /// A pilot confirms (or not) that an account asking for the dossier is the candidate's. The API's refusals (403 not a
    /// pilot, 404 no such request, 409 attached to another account meanwhile) are said beside that request's form, or
    /// at the top of the section when the request is no longer listed.
    /// </summary>
    public async Task<IActionResult> OnPostAttachmentAsync(Guid accountId, bool? confirmed, CancellationToken ct)
    {
        IReadOnlyList<string> refusals;
        if (accountId == Guid.Empty || confirmed is not { } confirm)
        {
            refusals = ["Choisissez de confirmer ou de refuser la demande de rattachement."];
        }
        else
        {
            try
            {
                await api.DecideAttachmentAsync(Id, accountId, confirm, ct);
                return RedirectToPage(null, null, new { id = Id, etat = confirm ? "rattachement-confirme" : "rattachement-refuse" }, AttachmentsAnchor);
            }
            catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.Unauthorized)
            {
                ModelState.AddProblem(exception, "");
                return await LoadAsync(ct);
            }
            catch (CandidatesApiException exception)
            {
                refusals = exception.Problem?.Errors?.Values.SelectMany(messages => messages).ToList() is { Count: > 0 } messages
                    ? messages
                    : [exception.Problem?.Detail ?? exception.Problem?.Title ?? exception.Unavailable];
            }
        }

        var page = await LoadAsync(ct);
        var key = Dossier?.PendingAttachments.Any(pending => pending.AccountId == accountId) == true ? AttachmentKey(accountId) : AttachmentsKey;
        foreach (var refusal in refusals)
        {
            ModelState.AddModelError(key, refusal);
        }

        return page;
    }

    /// <summary>
    /// Sends one of the forms; then back to the page (with what was done), or the page again with the API's
    /// messages beside the fields of that form (<paramref name="prefix"/>) and what the person typed. A refused
    /// move (403: only a pilot decides; 409: not from this status) is shown beside the choice of status; a refused
    /// publication (403, or 409: not from this status, or without the candidate's consent) at the top of its form.
    /// </summary>
    private async Task<IActionResult> SendAsync<T>(
        Func<Task<T>> send, string done, string prefix, CancellationToken ct, Func<string, string>? field = null)
    {
        try
        {
            await send();
            return RedirectToPage(null, null, new { id = Id, etat = done }, Done[done].Anchor);
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            return NotFound();
        }
        catch (CandidatesApiException exception) when (exception.Status is HttpStatusCode.Forbidden or HttpStatusCode.Conflict
                                                           && exception.Problem?.Errors is not { Count: > 0 })
        {
            var message = exception.Problem?.Detail ?? exception.Problem?.Title ?? exception.Unavailable;
            ModelState.AddModelError(prefix switch { "Move" => "Move.To", nameof(Publication) => nameof(Publication), AnswerKey => AnswerKey, _ => "" }, message);
        }
        catch (CandidatesApiException exception) when (field is not null && exception.Status == HttpStatusCode.BadRequest
                                                           && exception.Problem?.Errors is { Count: > 0 } errors)
        {
            foreach (var (key, messages) in errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field(key), message);
                }
            }
        }
        catch (CandidatesApiException exception)
        {
            ModelState.AddProblem(exception, prefix);
        }

        return await LoadAsync(ct);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        Analysis.PadSkills(SkillRows);
        try
        {
            Dossier = await api.GetDossierAsync(Id, ct);
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            return NotFound();
        }
        catch (CandidatesApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }

        if (WasInPool)
        {
            try
            {
                Interests = await api.GetDossierInterestsAsync(Id, ct);
            }
            catch (CandidatesApiException exception)
            {
                InterestsProblem = exception.Problem?.Detail ?? exception.Unavailable;
            }

            try
            {
                FollowUps = await api.GetCommissionFollowUpsAsync(Id, ct);
            }
            catch (CandidatesApiException exception)
            {
                FollowUpsProblem = exception.Problem?.Detail ?? exception.Unavailable;
            }
        }

        return Page();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public sealed class MoveInput
    {
        /// <summary>The next status's code (one of the dossier's <c>NextStatuses</c>).</summary>
        public string? To { get; set; }

        public string? Reason { get; set; }

        /// <summary>APE or PIADC, for « Plan d'accompagnement nécessaire » only.</summary>
        public string? Plan { get; set; }
    }

    public sealed class PublicationInput
    {
        /// <summary>« Résumé des compétences et de l'expérience », without the candidate's name or contact details.</summary>
        public string? Summary { get; set; }

        /// <summary>Empty: available at once.</summary>
        public DateOnly? AvailableFrom { get; set; }

        /// <summary>The candidate told the pilot they agree to the card (when the partner did not send that consent).</summary>
        public bool CandidateAgreed { get; set; }
    }

    public sealed class RecommendationInput
    {
        public string? Topic { get; set; }

        public string? Text { get; set; }
    }

    public sealed class AnalysisInput
    {
        public string? Kind { get; set; }

        public List<SkillRow> Skills { get; set; } = [];

        public string? Strengths { get; set; }

        public string? PointsToWork { get; set; }

        public string? Text { get; set; }

        /// <summary>The rows where something was typed, as the API takes them, and the row of the grid each came from.</summary>
        public (SkillInput[] Skills, IReadOnlyList<int> Rows) FilledSkills()
        {
            var rows = Enumerable.Range(0, Skills.Count).Where(row => !Skills[row].IsEmpty).ToList();
            return ([.. rows.Select(row => new SkillInput(Blank(Skills[row].Kind), Blank(Skills[row].Name), Blank(Skills[row].Level)))], rows);
        }

        /// <summary>At least <paramref name="count"/> rows in the grid, the ones typed kept.</summary>
        public void PadSkills(int count)
        {
            while (Skills.Count < count)
            {
                Skills.Add(new SkillRow());
            }
        }

        /// <summary>
        /// Where the form shows the API's message about <paramref name="key"/>: <c>skills[1].level</c> (the second
        /// skill sent) → the grid's row it came from (<c>Analysis.Skills[3].Level</c>); <c>kind</c> → <c>Analysis.Kind</c>.
        /// </summary>
        public static string FieldOf(string key, IReadOnlyList<int> rows)
        {
            var match = System.Text.RegularExpressions.Regex.Match(key, @"^(\$\.)?skills\[(?<index>\d+)\](\.(?<field>\w+))?$");
            if (match.Success)
            {
                var index = int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (index < rows.Count && match.Groups["field"].Success)
                {
                    var name = match.Groups["field"].Value;
                    return $"Analysis.Skills[{rows[index]}].{char.ToUpperInvariant(name[0])}{name[1..]}";
                }

                return "Analysis.Skills";
            }

            return ProblemDisplay.FieldKey(key, "Analysis");
        }
    }

    public sealed class SkillRow
    {
        public string? Kind { get; set; }

        public string? Name { get; set; }

        public string? Level { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(Kind) && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Level);
    }
}
