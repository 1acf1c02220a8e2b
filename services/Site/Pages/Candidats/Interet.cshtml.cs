using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Candidates;
using Nege.Site.Candidats;

namespace Nege.Site.Pages.Candidats;

/// <summary>
/// The page of the link a candidate receives when a member company is interested in them: who, their message, and
/// two buttons. Agreeing gives that company the candidate's contact details and CV; refusing gives nothing.
/// </summary>
[AllowAnonymous]
public sealed class InteretModel(CandidatesApi api) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "jeton")]
    public string? Token { get; set; }

    public CandidateInterestView? Interest { get; private set; }

    /// <summary>Why the page shows nothing to answer (a wrong or expired link), in French.</summary>
    public string? Problem { get; private set; }

    /// <summary>Set once the candidate answered on this page.</summary>
    public bool? Answered { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(() => api.GetInterestToAnswerAsync(Token!, ct));

    public async Task<IActionResult> OnPostAsync(bool agreed, CancellationToken ct)
    {
        var result = await LoadAsync(() => api.AnswerInterestAsync(Token!, agreed, ct));
        if (Interest is not null && Problem is null)
        {
            Answered = agreed;
        }

        return result;
    }

    private async Task<IActionResult> LoadAsync(Func<Task<CandidateInterestView>> call)
    {
        Response.Headers.CacheControl = "no-store";
        if (string.IsNullOrWhiteSpace(Token))
        {
            Problem = "Ce lien est incomplet : ouvrez-le tel qu'il figure dans le courriel que vous avez reçu.";
            return Page();
        }

        try
        {
            Interest = await call();
        }
        catch (CandidatesApiException exception) when (exception.Status is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            Problem = exception.Problem?.Detail ?? exception.Message;
            if (exception.Status == HttpStatusCode.Conflict)
            {
                Interest = await api.GetInterestToAnswerAsync(Token, HttpContext.RequestAborted);
            }
        }

        return Page();
    }
}
