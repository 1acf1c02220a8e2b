using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.IdentityModel.JsonWebTokens;
using Nege.ServiceDefaults.Security;

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
            FollowRoles(context.Principal?.Identity as ClaimsIdentity, idToken);
        }

        // Re-issues the cookie with the new tokens at the end of this request.
        context.ShouldRenew = true;
    }

    /// <summary>
    /// Roles granted or withdrawn since the login show in the session at the next refresh (within the
    /// access token's 15 minutes). The ID token comes straight from the token endpoint, where the site
    /// authenticated itself, so it is read without a second signature check (OpenID Connect Core 3.1.3.7).
    /// </summary>
    private static void FollowRoles(ClaimsIdentity? identity, string idToken)
    {
        if (identity is null)
        {
            return;
        }

        var roles = new JsonWebToken(idToken).Claims.Where(claim => claim.Type == NegeClaims.Role).Select(claim => claim.Value).ToList();
        foreach (var claim in identity.FindAll(NegeClaims.Role).ToList())
        {
            identity.RemoveClaim(claim);
        }

        foreach (var role in roles)
        {
            identity.AddClaim(new Claim(NegeClaims.Role, role));
        }

        SiteAuthentication.NormaliseRoles(identity);
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        // A French 403 page (status code pages) rather than a redirection to an access-denied path.
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
