using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Organisme;

/// <summary>The organisation's logo, fetched from the API (the browser never calls the API itself).</summary>
public sealed class LogoModel(MembershipApi api) : PageModel
{
    private static readonly string[] Images = ["image/png", "image/jpeg", "image/gif"];

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(id) || await api.GetOrganisationLogoAsync(id, ct) is not { } logo
            || !Images.Contains(logo.ContentType, StringComparer.OrdinalIgnoreCase))
        {
            return NotFound();
        }

        // A new logo shows as soon as it is saved.
        Response.Headers.CacheControl = "private, no-cache";
        return File(logo.Content, logo.ContentType);
    }
}
