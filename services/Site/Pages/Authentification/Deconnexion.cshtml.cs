using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Site.Identity;

namespace Nege.Site.Pages.Authentification;

/// <summary>Logs out of the site and of NEGE's identity server (POST with anti-forgery token only), back to the home page.</summary>
[AllowAnonymous]
public sealed class DeconnexionModel(TokenRefresher tokens) : PageModel
{
    public IActionResult OnGet()
    {
        Response.Headers.Allow = "POST";
        return StatusCode(StatusCodes.Status405MethodNotAllowed);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return LocalRedirect("/");
        }

        // The refresh token dies with the session, at the identity server too.
        await tokens.RevokeAsync(await HttpContext.GetTokenAsync("refresh_token"), cancellationToken);

        return SignOut(new AuthenticationProperties { RedirectUri = "/" },
            SiteAuthentication.CookieScheme, SiteAuthentication.OidcScheme);
    }
}
