using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Nege.Site.Identity;

/// <summary>
/// On every request of a logged-in person: when the access token has less than a minute left, it
/// is refreshed and the new tokens are written back in the cookie; when that fails, the person is
/// logged out (the member area then sends them to the login page).
/// </summary>
public sealed class SiteCookieEvents(TokenRefresher refresher, TimeProvider time, ILogger<SiteCookieEvents> logger)
    : CookieAuthenticationEvents
{
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(1);

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var properties = context.Properties;
        if (!DateTimeOffset.TryParse(properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture,
                DateTimeStyles.RoundtripKind, out var expiresAt)
            || expiresAt - time.GetUtcNow() > RefreshMargin)
        {
            return;
        }

        var refreshed = await refresher.RefreshAsync(properties.GetTokenValue("refresh_token"), context.HttpContext.RequestAborted);
        if (refreshed is null)
        {
            logger.LogInformation("The access token could not be refreshed: the person is logged out.");
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(SiteAuthentication.CookieScheme);
            return;
        }

        properties.UpdateTokenValue("access_token", refreshed.AccessToken);
        properties.UpdateTokenValue("expires_at",
            time.GetUtcNow().AddSeconds(refreshed.ExpiresIn > 0 ? refreshed.ExpiresIn : 900).ToString("o", CultureInfo.InvariantCulture));
        if (refreshed.RefreshToken is { Length: > 0 } refreshToken)
        {
            properties.UpdateTokenValue("refresh_token", refreshToken);
        }

        if (refreshed.IdToken is { Length: > 0 } idToken)
        {
            properties.UpdateTokenValue("id_token", idToken);
        }

        // Re-issues the cookie with the new tokens at the end of this request.
        context.ShouldRenew = true;
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        // A French 403 page (status code pages) rather than a redirection to an access-denied path.
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
