using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Organisme.Collaborateurs;

/// <summary>Asks for confirmation, then withdraws a colleague's access to the extranet.</summary>
public sealed class RetirerModel(MembershipApi api) : PageModel
{
    [FromRoute]
    public string AccountId { get; set; } = "";

    public Colleague? Colleague { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Colleague is null && ModelState.IsValid ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await api.RemoveColleagueAsync(AccountId, ct);
            return RedirectToPage("Index", new { etat = "retire" });
        }
        catch (MembershipApiException exception)
        {
            // 404 (no longer a colleague) and 409 (one's own access): the API's reason, in French.
            ModelState.AddProblem(exception, "");
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        try
        {
            Colleague = (await api.GetColleaguesAsync(ct)).FirstOrDefault(colleague => colleague.AccountId == AccountId);
        }
        catch (MembershipApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }
    }
}
