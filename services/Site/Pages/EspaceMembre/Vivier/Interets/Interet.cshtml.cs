using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Candidates;
using Nege.Site.Candidats;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Vivier.Interets;

/// <summary>
/// One of the organisation's interests (the page the recruiter's e-mail links to once the candidate answered): the
/// card, the message, the candidate's answer; once they agreed, their contact details and documents (each reading
/// audited by Candidates).
/// </summary>
public sealed class InteretModel(CandidatesApi api) : PageModel
{
    /// <summary>The key of the one-time message the card's page leaves when it recorded the interest.</summary>
    public const string FlashKey = "interet-enregistre";

    public const string Recorded =
        "Votre intérêt est enregistré : le candidat reçoit votre message par courriel et choisit d'être contacté ou non par votre organisme.";

    [FromRoute]
    public Guid Id { get; set; }

    [TempData(Key = FlashKey)]
    public string? Flash { get; set; }

    public InterestView? Interest { get; private set; }

    /// <summary>The candidate's contact: only once they agreed.</summary>
    public CandidateContactView? Contact => Interest is { Status: TalentPoolDisplay.Agreed, Contact: { } contact } ? contact : null;

    public string? Notice { get; private set; }

    /// <summary>Why the pool is closed to the person (403), as on the search page.</summary>
    public string? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Notice = Flash;
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

        return Page();
    }
}
