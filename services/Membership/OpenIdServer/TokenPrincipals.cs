using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using Nege.Membership.Accounts;
using Nege.Membership.PartnerClients;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Security;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Nege.Membership.OpenIdServer;

/// <summary>The claims NEGE's tokens carry, for a person and for a partner's system.</summary>
public static class TokenPrincipals
{
    /// <summary>A person's tokens are for every service's API.</summary>
    public static readonly ImmutableArray<string> PersonAudiences = [.. ResourceNames.ApiServices.Select(AuthenticationExtensions.AudienceOf)];

    public static ClaimsPrincipal ForPerson(Account account, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, account.Id.ToString())
            .SetClaim(Claims.Name, account.DisplayName)
            .SetClaim(Claims.Email, account.Email)
            .SetClaim(Claims.PreferredUsername, account.UserName)
            .SetClaim(NegeClaims.CallerType, NegeClaims.Person)
            .SetClaim(NegeClaims.OrganisationId, account.OrganisationId?.ToString())
            .SetClaims(Claims.Role, [.. account.RoleNames]);
        identity.SetScopes(scopes);
        identity.SetResources(PersonAudiences);
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>A partner's system acts for its organisation, with the scopes it was granted, on the candidates API.</summary>
    public static ClaimsPrincipal ForPartnerClient(PartnerClient client, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, client.ClientId)
            .SetClaim(NegeClaims.ClientId, client.ClientId)
            .SetClaim(NegeClaims.CallerType, NegeClaims.PartnerClient)
            .SetClaim(NegeClaims.OrganisationId, client.OrganisationId.ToString())
            .SetClaims(Claims.Role, [NegeRoles.EmploymentPartner]);
        identity.SetScopes(scopes);
        identity.SetResources(AuthenticationExtensions.AudienceOf(ResourceNames.Candidates));
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
