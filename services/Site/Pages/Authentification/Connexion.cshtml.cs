using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Site.Identity;

namespace Nege.Site.Pages.Authentification;

/// <summary>Sends the person to NEGE's login page, then back to <c>returnUrl</c> (a local address only).</summary>
[AllowAnonymous]
public sealed class ConnexionModel : PageModel
{
    public IActionResult OnGet(string? returnUrl)
    {
        var target = SiteAuthentication.LocalOrDefault(Url, returnUrl);
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(target);
        }

        return Challenge(new AuthenticationProperties { RedirectUri = target }, SiteAuthentication.OidcScheme);
    }
}
