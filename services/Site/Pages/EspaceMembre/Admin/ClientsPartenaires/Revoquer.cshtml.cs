using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Admin.ClientsPartenaires;

/// <summary>Asks for confirmation, then revokes the client.</summary>
public sealed class RevoquerModel(MembershipApi api) : PageModel
{
    [FromRoute]
    public string ClientId { get; set; } = "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await api.RevokeAsync(ClientId, ct);
            return RedirectToPage("Index", new { etat = "revoque" });
        }
        catch (MembershipApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            return NotFound();
        }
        catch (MembershipApiException exception)
        {
            ModelState.AddProblem(exception, "");
            return Page();
        }
    }
}
