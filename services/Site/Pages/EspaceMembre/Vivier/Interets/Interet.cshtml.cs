using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Candidates;
using Nege.Site.Candidats;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Vivier.Interets;

/// <summary>
/// One of the organisation's interests (the page the recruiter's e-mail links to once the candidate answered): the
/// card, the message, the candidate's answer; once they agreed, their contact details and documents (each reading
/// audited by Candidates), and the follow-up sheet of the recruitment (« fiche de suivi ») with the form to add a
/// line to it while it is open.
/// </summary>
public sealed class InteretModel(CandidatesApi api) : PageModel
{
    /// <summary>The key of the one-time message the card's page leaves when it recorded the interest.</summary>
    public const string FlashKey = "interet-enregistre";

    public const string Recorded =
        "Votre intérêt est enregistré : le candidat reçoit votre message par courriel et choisit d'être contacté ou non par votre organisme.";

    public const string EntryAdded = "La ligne est ajoutée à la fiche de suivi.";

    /// <summary>Where the sheet's form says a refusal without a field (409: the sheet is closed; 404: no sheet).</summary>
    public const string EntryKey = "Entry";

    /// <summary>The section « Fiche de suivi ».</summary>
    public const string SheetAnchor = "suivi";

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public EntryInput Entry { get; set; } = new();

    /// <summary>The sheet, once the candidate agreed; null before, and when it could not be read (<see cref="SheetProblem"/>).</summary>
    public FollowUpSheetView? Sheet { get; private set; }

    /// <summary>Why there is no sheet to show (the API's 404 sentence: it opens once the candidate agreed), or why it could not be read.</summary>
    public string? SheetProblem { get; private set; }

    /// <summary>Lines are added to a sheet still open: a hire or an end closes it.</summary>
    public bool SheetOpen => Sheet is { Status: FollowUpDisplay.Open };

    [TempData(Key = FlashKey)]
    public string? Flash { get; set; }

    public InterestView? Interest { get; private set; }

    /// <summary>The candidate's contact: only once they agreed.</summary>
    public CandidateContactView? Contact => Interest is { Status: TalentPoolDisplay.Agreed, Contact: { } contact } ? contact : null;

    public string? Notice { get; private set; }

    /// <summary>Why the pool is closed to the person (403), as on the search page.</summary>
    public string? Refused { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Notice = Flash;
        return LoadAsync(ct);
    }

    /// <summary>
    /// A line on the follow-up sheet: only the fields of its kind are sent; then back to the page with a message, or
    /// the page again with the API's messages beside the fields (409, the sheet closed, at the top of the form) and
    /// what was typed.
    /// </summary>
    public async Task<IActionResult> OnPostEntryAsync(CancellationToken ct)
    {
        // A date the browser sent but that is not one: said beside the field, nothing sent.
        if (ModelState.GetFieldValidationState($"{EntryKey}.{nameof(EntryInput.Date)}") == ModelValidationState.Invalid
            || ModelState.GetFieldValidationState($"{EntryKey}.{nameof(EntryInput.StartDate)}") == ModelValidationState.Invalid)
        {
            return await LoadAsync(ct);
        }

        if (string.IsNullOrWhiteSpace(Entry.Kind))
        {
            ModelState.AddModelError($"{EntryKey}.{nameof(EntryInput.Kind)}", "Choisissez le type de ligne.");
            return await LoadAsync(ct);
        }

        try
        {
            await api.AddFollowUpEntryAsync(Id, Entry.ToRequest(), ct);
            Flash = EntryAdded;
            return Redirect($"{TalentPoolDisplay.InterestPath(Id)}#{SheetAnchor}");
        }
        catch (CandidatesApiException exception) when (exception.Status is HttpStatusCode.Conflict or HttpStatusCode.NotFound or HttpStatusCode.Forbidden
                                                           && exception.Problem?.Errors is not { Count: > 0 })
        {
            ModelState.AddModelError(EntryKey, exception.Problem?.Detail ?? exception.Problem?.Title ?? exception.Unavailable);
        }
        catch (CandidatesApiException exception)
        {
            // 400: each message beside its field (« interviewKind » → Entry.InterviewKind); anything else at the top.
            ModelState.AddProblem(exception, EntryKey);
        }

        return await LoadAsync(ct);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        // The candidate's personal data: never kept by the browser.
        Response.Headers.CacheControl = "private, no-store";
        try
        {
            Interest = await api.GetInterestAsync(Id, ct);
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            return NotFound();
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.Forbidden)
        {
            Refused = exception.Problem?.Detail ?? TalentPoolDisplay.Reserved;
        }
        catch (CandidatesApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }

        if (Interest is { Status: TalentPoolDisplay.Agreed })
        {
            try
            {
                Sheet = await api.GetFollowUpSheetAsync(Id, ct);
            }
            catch (CandidatesApiException exception)
            {
                SheetProblem = exception.Problem?.Detail ?? exception.Unavailable;
            }
        }

        return Page();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A line of the follow-up sheet as typed: every field is shown (the site runs no script), only its kind's are sent.</summary>
    public sealed class EntryInput
    {
        /// <summary>« interview », « proposal », « hire » or « end ».</summary>
        public string? Kind { get; set; }

        /// <summary>The day of the interview, the proposal, the hire or the end (empty: today, but for an interview).</summary>
        public DateOnly? Date { get; set; }

        /// <summary>« Téléphone », « Visioconférence » or « Sur site », for an interview.</summary>
        public string? InterviewKind { get; set; }

        /// <summary>The interview's report, the proposal made (required for a proposal).</summary>
        public string? Outcome { get; set; }

        /// <summary>One of the contract types, for a hire.</summary>
        public string? ContractType { get; set; }

        /// <summary>The day the candidate starts, for a hire.</summary>
        public DateOnly? StartDate { get; set; }

        /// <summary>Why the recruitment stops, for an end.</summary>
        public string? Reason { get; set; }

        public FollowUpEntryRequest ToRequest()
        {
            var kind = Kind!.Trim();
            return new FollowUpEntryRequest(
                kind,
                Date,
                kind == FollowUpDisplay.Interview ? Blank(InterviewKind) : null,
                Blank(Outcome),
                kind == FollowUpDisplay.Hire ? Blank(ContractType) : null,
                kind == FollowUpDisplay.Hire ? StartDate : null,
                kind == FollowUpDisplay.End ? Blank(Reason) : null);
        }
    }
}
