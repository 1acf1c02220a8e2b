using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Nege.Site.Membership;

namespace Nege.Site.Pages.Adhesion;

/// <summary>The draft's logo or photo, as Membership serves it to whoever may open the draft.</summary>
public sealed class ImageModel(MembershipApi api, IDataProtectionProvider dataProtection) : DraftPageModel(api, dataProtection)
{
    public async Task<IActionResult> OnGetAsync(string image, CancellationToken ct)
    {
        if (await FindDraftAsync(ct) is null)
        {
            return NotFound();
        }

        return ApplicationImages.Serve(this, await Api.GetDraftImageAsync(Access!, image, ct));
    }
}
