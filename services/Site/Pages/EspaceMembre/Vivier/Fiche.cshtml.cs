using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Candidates;
using Nege.Site.Candidats;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Vivier;

/// <summary>
/// A card of the talent pool, whole: what the candidate offers and when they can start, without who they are; and
/// « Je suis intéressé »: the recruiter's message to the candidate, who is asked whether they agree to be contacted.
/// </summary>
public sealed class FicheModel(CandidatesApi api) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public InterestInput Interest { get; set; } = new();

    public TalentCardView? Card { get; private set; }

    /// <summary>Why the pool is closed to the person (403), as on the search page.</summary>
    public string? Refused { get; private set; }

    /// <summary>The API's 409: the organisation already recorded its interest in this card (see « Mes intérêts »).</summary>
    public string? AlreadyInterested { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>« Je suis intéressé »: on to the new interest's page, or this page again with the API's message and the text kept.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var interest = await api.RecordInterestAsync(Id, Blank(Interest.Message), ct);
            TempData[Interets.InteretModel.FlashKey] = Interets.InteretModel.Recorded;
            return Redirect(TalentPoolDisplay.InterestPath(interest.Id));
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            return NotFound();
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.Conflict)
        {
            AlreadyInterested = exception.Problem?.Detail ?? "Votre organisme a déjà manifesté son intérêt pour ce candidat.";
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.Forbidden)
        {
            Refused = exception.Problem?.Detail ?? TalentPoolDisplay.Reserved;
            return Page();
        }
        catch (CandidatesApiException exception)
        {
            // 400: each message beside its field (« message » → Interest.Message); anything else at the top.
            ModelState.AddProblem(exception, nameof(Interest));
        }

        return await LoadAsync(ct);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        try
        {
            Card = await api.GetTalentCardAsync(Id, ct);
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            // Never published, or no longer in the pool (hired, withdrawn).
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

        return Page();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public sealed class InterestInput
    {
        /// <summary>« Votre message au candidat »: who the organisation is and why it would like to meet them.</summary>
        public string? Message { get; set; }
    }
}
