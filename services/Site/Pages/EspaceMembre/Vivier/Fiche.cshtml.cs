using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Candidates;
using Nege.Site.Candidats;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Vivier;

/// <summary>A card of the talent pool, whole: what the candidate offers and when they can start, without who they are.</summary>
public sealed class FicheModel(CandidatesApi api) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public TalentCardView? Card { get; private set; }

    /// <summary>Why the pool is closed to the person (403), as on the search page.</summary>
    public string? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
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
}
