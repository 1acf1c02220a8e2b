using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Site.Membership;
using Nege.Contracts.Api.Membership;

namespace Nege.Site.Pages.EspaceMembre.Adhesions;

/// <summary>One application, whole, and the board's decision on it.</summary>
public sealed class DetailModel(MembershipApi api) : PageModel
{
    public const string Decided = "decidee";

    [FromRoute]
    public string Id { get; set; } = "";

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public ApplicationView? Application { get; private set; }

    public string? Notice { get; private set; }

    public Task<IActionResult> OnGetAsync(string? etat, CancellationToken ct)
    {
        Notice = etat == Decided ? "La décision est enregistrée : le demandeur en est informé par courriel." : null;
        return LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await api.DecideAsync(Id, new DecisionRequest(Input.Decision, Input.BoardMeetingDate,
                    string.IsNullOrWhiteSpace(Input.Reason) ? null : Input.Reason.Trim()), ct);
                return RedirectToPage(new { id = Id, etat = Decided });
            }
            catch (MembershipApiException exception) when (exception.Status == HttpStatusCode.NotFound)
            {
                return NotFound();
            }
            catch (MembershipApiException exception)
            {
                ModelState.AddApplicationProblem<DecisionInput>(exception);
            }
        }

        return await LoadAsync(ct);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        try
        {
            Application = await api.GetApplicationAsync(Id, ct);
        }
        catch (MembershipApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            return NotFound();
        }
        catch (MembershipApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }

        return Page();
    }

    public sealed class DecisionInput
    {
        /// <summary><c>accepted</c> or <c>refused</c>.</summary>
        public string? Decision { get; set; }

        public DateOnly? BoardMeetingDate { get; set; }

        public string? Reason { get; set; }
    }
}
