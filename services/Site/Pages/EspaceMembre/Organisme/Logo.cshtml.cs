using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Organisme;

/// <summary>The organisation's logo, fetched from the API (the browser never calls the API itself).</summary>
public sealed class LogoModel(MembershipApi api) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken ct) =>
        string.IsNullOrEmpty(id)
            ? NotFound()
            : ApplicationImages.Serve(this, await api.GetOrganisationLogoAsync(id, ct), cacheControl: "private, no-cache");
}
