using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Nege.Site.Membership;

namespace Nege.Site.Pages.Adhesion;

/// <summary>« Aperçu »: the whole application before it is sent, what is still missing, and « Enregistrer ».</summary>
public sealed class ApercuModel(MembershipApi api, IDataProtectionProvider dataProtection) : DraftPageModel(api, dataProtection)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await FindDraftAsync(ct) is null ? RedirectToPage("Referent") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await FindDraftAsync(ct) is null)
        {
            return RedirectToPage("Referent");
        }

        try
        {
            await Api.SubmitAsync(Access!, ct);
            return RedirectToPage("Envoyee");
        }
        catch (MembershipApiException exception) when (exception.Status == System.Net.HttpStatusCode.BadRequest)
        {
            // What is missing is listed from the draft, each with a link to its field.
            ModelState.AddModelError("", "Votre demande est incomplète : complétez les éléments indiqués ci-dessous, puis enregistrez-la.");
            Draft = await Api.GetDraftAsync(Access!, ct);
        }
        catch (MembershipApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }

        return Page();
    }
}
