using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Admin.ClientsPartenaires;

/// <summary>Asks for confirmation, then rotates the secret and shows the new one once.</summary>
public sealed class RenouvelerModel(MembershipApi api) : PageModel
{
    [FromRoute]
    public string ClientId { get; set; } = "";

    public PartnerClient? Rotated { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            Rotated = await api.RotateSecretAsync(ClientId, ct);
            Response.Headers.CacheControl = "no-store";
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
}
