using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Security;

namespace Nege.Site.Identity;

/// <summary>
/// People log in on the site with NEGE's OpenID Connect server (Membership): authorization code +
/// PKCE as the confidential client <c>Identity:ClientId</c>; the session is an encrypted cookie
/// that also carries the tokens, the access token being refreshed before it expires.
/// </summary>
public static class SiteAuthentication
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;
    public const string CookieName = "nege.site";
    public const string DefaultClientId = "nege-site";

    /// <summary>Razor Pages policy of the administration pages.</summary>
    public const string AdminPolicy = "site.admin";

    public static readonly IReadOnlyList<string> Scopes = ["openid", "profile", "email", "roles", "offline_access"];

    public static WebApplicationBuilder AddSiteAuthentication(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var issuer = AuthenticationExtensions.IssuerOf(configuration);
        var metadataAddress = configuration["Identity:MetadataAddress"] is { Length: > 0 } configured
            ? configured
            : issuer + ".well-known/openid-configuration";
        var clientId = configuration["Identity:ClientId"] is { Length: > 0 } id ? id : DefaultClientId;
        var clientSecret = configuration.GetRequiredValue("Identity:ClientSecret");

        // Behind the gateway: redirect_uri and cookies use the address people see.
        builder.Services.ForwardOriginalHost();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<TokenRefresher>();
        builder.Services.AddScoped<SiteCookieEvents>();

        // Cookies are Secure whenever the request came over HTTPS (X-Forwarded-Proto from the edge): always in
        // production, while http://localhost stays usable on a developer's machine (anti-forgery refuses to
        // issue an "always secure" cookie on a plain-HTTP request).
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieScheme;
                options.DefaultChallengeScheme = OidcScheme;
            })
            .AddCookie(CookieScheme, options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.EventsType = typeof(SiteCookieEvents);
            })
            .AddOpenIdConnect(OidcScheme, options =>
            {
                options.Authority = issuer;
                options.MetadataAddress = metadataAddress;
                options.RequireHttpsMetadata = metadataAddress.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
                options.ClientId = clientId;
                options.ClientSecret = clientSecret;
                options.ResponseType = "code";
                // The code comes back in a top-level GET: the correlation cookies can stay SameSite=Lax.
                options.ResponseMode = "query";
                options.UsePkce = true;
                options.PushedAuthorizationBehavior = PushedAuthorizationBehavior.Disable;
                options.Scope.Clear();
                foreach (var scope in Scopes)
                {
                    options.Scope.Add(scope);
                }

                options.CallbackPath = "/signin-oidc";
                options.SignedOutCallbackPath = "/signout-callback-oidc";
                options.SignedOutRedirectUri = "/";
                options.MapInboundClaims = false;
                options.GetClaimsFromUserInfoEndpoint = false;
                options.SaveTokens = true;
                options.TokenValidationParameters.NameClaimType = NegeClaims.Name;
                options.TokenValidationParameters.RoleClaimType = NegeClaims.Role;
                foreach (var cookie in new[] { options.CorrelationCookie, options.NonceCookie })
                {
                    cookie.HttpOnly = true;
                    cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    cookie.SameSite = SameSiteMode.Lax;
                }

                options.Events.OnTokenValidated = context =>
                {
                    if (context.Principal?.Identity is ClaimsIdentity identity)
                    {
                        NormaliseRoles(identity);
                    }

                    return Task.CompletedTask;
                };
                options.Events.OnRemoteFailure = context =>
                {
                    // Refused consent, replayed or stale callback: a French page rather than an exception.
                    context.HandleResponse();
                    context.Response.Redirect("/erreur?code=401");
                    return Task.CompletedTask;
                };
            });

        var authorization = builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireClaim(NegeClaims.Role, NegeRoles.Admin));
        // The pages of a capability follow the API's own policy (same name, same roles).
        foreach (var access in AccessPolicies.All.Where(access => access.Caller == CallerKind.Person && access.Roles.Count > 0))
        {
            authorization.AddPolicy(access.Name, policy => policy.RequireAuthenticatedUser().RequireClaim(NegeClaims.Role, access.Roles));
        }

        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "nege.antiforgery";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        return builder;
    }

    /// <summary>
    /// Roles arrive as several <c>role</c> claims or as one claim holding a JSON array
    /// (<c>["admin","board"]</c>): always several claims afterwards.
    /// </summary>
    public static void NormaliseRoles(ClaimsIdentity identity)
    {
        foreach (var claim in identity.FindAll(NegeClaims.Role).ToList())
        {
            var value = claim.Value.Trim();
            if (!value.StartsWith('['))
            {
                continue;
            }

            identity.RemoveClaim(claim);
            using var document = JsonDocument.Parse(value);
            foreach (var role in document.RootElement.EnumerateArray())
            {
                if (role.ValueKind == JsonValueKind.String && role.GetString() is { Length: > 0 } name
                    && !identity.HasClaim(NegeClaims.Role, name))
                {
                    identity.AddClaim(new Claim(NegeClaims.Role, name, ClaimValueTypes.String, claim.Issuer));
                }
            }
        }
    }

    /// <summary>The roles of the person, as the tokens stated them.</summary>
    public static IReadOnlyList<string> RolesOf(ClaimsPrincipal user) =>
        [.. user.FindAll(NegeClaims.Role).Select(claim => claim.Value).Distinct(StringComparer.Ordinal)];

    /// <summary>A local address to come back to after logging in, the member area otherwise.</summary>
    public static string LocalOrDefault(IUrlHelper url, string? returnUrl) =>
        returnUrl is { Length: > 0 } && url.IsLocalUrl(returnUrl) ? returnUrl : "/espace-membre";

    public static Task<string?> AccessTokenAsync(this HttpContext context) =>
        context.GetTokenAsync(CookieScheme, "access_token");
}
