using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Nege.Membership.Accounts;
using Nege.ServiceDefaults.Security;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Nege.Membership.OpenIdServer;

/// <summary>
/// The OpenID Connect endpoints OpenIddict passes through to us once it has validated the request:
/// authorize (a person logged in by the identity cookie), token (codes, refresh tokens, partner
/// clients) and end-session.
/// </summary>
public static class OpenIdEndpoints
{
    public static IEndpointRouteBuilder MapOpenIdEndpoints(this IEndpointRouteBuilder routes)
    {
        var connect = routes.MapGroup("/connect").ExcludeFromDescription().AllowEveryone();
        connect.MapMethods("/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync);
        connect.MapPost("/token", TokenAsync);
        connect.MapMethods("/logout", [HttpMethods.Get, HttpMethods.Post], (Func<HttpContext, Task<IResult>>)LogoutAsync);
        return routes;
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context, MembershipDbContext db, TimeProvider clock)
    {
        var request = context.GetOpenIddictServerRequest()
                      ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        var login = await context.AuthenticateAsync(OpenIdServerSetup.IdentityCookie);
        var account = login.Succeeded && login.Principal.CallerId() is { } accountId
            ? await AccountQueries.WithRolesAsync(db, accountId, context.RequestAborted)
            : null;

        var stampMatches = account is not null && login.Principal?.FindFirstValue(OpenIdServerSetup.SecurityStampClaim) == account.SecurityStamp;
        if (account is null || !stampMatches || !account.CanSignIn(clock.GetUtcNow()) || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Results.Forbid(Error(Errors.LoginRequired, "Aucune personne n'est connectée."), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }

            // Back to this very request once logged in; "prompt=login" is honoured once, not in a loop.
            var parameters = context.Request.HasFormContentType ? [.. context.Request.Form] : context.Request.Query.ToList();
            parameters.RemoveAll(parameter => parameter.Key == Parameters.Prompt);
            await context.SignOutAsync(OpenIdServerSetup.IdentityCookie);
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + QueryString.Create(parameters) },
                [OpenIdServerSetup.IdentityCookie]);
        }

        return Results.SignIn(TokenPrincipals.ForPerson(account, request.GetScopes()), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> TokenAsync(HttpContext context, MembershipDbContext db, TimeProvider clock)
    {
        var request = context.GetOpenIddictServerRequest()
                      ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        if (request.IsClientCredentialsGrantType())
        {
            var client = await db.PartnerClients.AsNoTracking()
                .SingleOrDefaultAsync(c => c.ClientId == request.ClientId && c.RevokedAt == null, context.RequestAborted);
            if (client is null)
            {
                return Results.Forbid(Error(Errors.InvalidClient, "Ce client n'est pas un client partenaire actif."), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }

            // No scope asked: every scope the client was granted (OpenIddict has checked those asked against its permissions).
            var scopes = request.GetScopes().IsEmpty ? [.. client.Scopes] : request.GetScopes();
            return Results.SignIn(TokenPrincipals.ForPartnerClient(client, scopes), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // The code or refresh token is valid; the person must still be allowed in, with today's roles.
            var granted = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var account = Guid.TryParse(granted.Principal?.GetClaim(Claims.Subject), out var accountId)
                ? await AccountQueries.WithRolesAsync(db, accountId, context.RequestAborted)
                : null;
            if (account is null || !account.CanSignIn(clock.GetUtcNow()))
            {
                return Results.Forbid(Error(Errors.InvalidGrant, "Ce compte n'est plus autorisé à se connecter."), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }

            return Results.SignIn(TokenPrincipals.ForPerson(account, granted.Principal!.GetScopes()), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        throw new InvalidOperationException($"Grant type {request.GrantType} is not handled.");
    }

    private static async Task<IResult> LogoutAsync(HttpContext context)
    {
        await context.SignOutAsync(OpenIdServerSetup.IdentityCookie);

        // OpenIddict sends the person back to the client's registered post-logout address when one was given.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static AuthenticationProperties Error(string error, string description) => new(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    });
}
