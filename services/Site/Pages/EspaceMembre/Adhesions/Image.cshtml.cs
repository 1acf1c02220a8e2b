using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Adhesions;

/// <summary>An application's logo or photo, for the board.</summary>
public sealed class ImageModel(MembershipApi api) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string id, string image, CancellationToken ct) =>
        ApplicationImages.Serve(this, await api.GetApplicationImageAsync(id, image, ct));
}
