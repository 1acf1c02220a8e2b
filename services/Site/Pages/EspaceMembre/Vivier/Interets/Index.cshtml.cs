using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Candidates;
using Nege.Site.Candidats;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Vivier.Interets;

/// <summary>« Mes intérêts »: the interests the person's organisation recorded in cards of the pool, newest first, and where each candidate's answer stands.</summary>
public sealed class IndexModel(CandidatesApi api) : PageModel
{
    public Nege.ServiceDefaults.Http.PageOf<InterestView>? Interests { get; private set; }

    public Pager? Pager { get; private set; }

    /// <summary>Why the pool is closed to the person (403), as on the search page.</summary>
    public string? Refused { get; private set; }

    /// <param name="pageNumber">The query's <c>page</c> (not a handler's <c>page</c>: that is Razor Pages' route value).</param>
    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct)
    {
        try
        {
            Interests = await api.GetInterestsAsync(Math.Max(1, pageNumber), ct);
            Pager = Pager.Of(Interests.Page, Interests.PageSize, Interests.Total, "?page=");
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.Forbidden)
        {
            Refused = exception.Problem?.Detail ?? TalentPoolDisplay.Reserved;
        }
        catch (CandidatesApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }
    }
}
