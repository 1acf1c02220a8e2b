using Microsoft.Extensions.Options;
using Nege.Membership.Accounts;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Nege.Membership.OpenIdServer;

/// <summary>
/// At start-up (after migrations): registers the site as a client of the identity server, or brings
/// its registration up to date, and creates the first administrator when configured and none exists.
/// </summary>
public sealed class IdentityBootstrap(IServiceScopeFactory scopes, IOptions<MembershipIdentityOptions> options, ILogger<IdentityBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await RegisterSiteAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), cancellationToken);
        await scope.ServiceProvider.GetRequiredService<FirstAdministrator>().EnsureAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RegisterSiteAsync(IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var site = options.Value.SiteClient;
        var baseUrl = new Uri((site.BaseUrl ?? options.Value.Issuer).TrimEnd('/') + "/");
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = site.ClientId,
            ClientSecret = site.Secret,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Site de Numéric'Emploi Grand Est",
            RedirectUris = { new Uri(baseUrl, "signin-oidc") },
            PostLogoutRedirectUris = { new Uri(baseUrl, "signout-callback-oidc") },
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Email,
                Permissions.Scopes.Roles,
                Permissions.Prefixes.Scope + Scopes.OfflineAccess,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };

        var existing = await applications.FindByClientIdAsync(site.ClientId, cancellationToken);
        if (existing is null)
        {
            try
            {
                await applications.CreateAsync(descriptor, cancellationToken);
                logger.LogInformation("Registered the site as client {ClientId} (redirect {RedirectUri})", site.ClientId, descriptor.RedirectUris.Single());
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                if (await applications.FindByClientIdAsync(site.ClientId, cancellationToken) is null)
                {
                    throw;
                }

                logger.LogInformation(exception, "Another replica registered the site first");
            }

            return;
        }

        await applications.UpdateAsync(existing, descriptor, cancellationToken);
    }
}
