using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Nege.ServiceDefaults.Security;

namespace Nege.Candidates.PartnerApi;

/// <summary>Who the calling partner system is, as the platform sees it: lets a partner check its credentials and scopes.</summary>
public sealed record PartnerCaller(string ClientId, Guid OrganisationId, IReadOnlyList<string> Scopes);

/// <summary>The employment partners' API (client credentials). Dossiers come with the candidates issue.</summary>
public static class PartnerApiEndpoints
{
    public static IEndpointRouteBuilder MapPartnerApi(this IEndpointRouteBuilder routes)
    {
        var partner = routes.MapGroup("/api/candidates/partner").WithTags("API des partenaires emploi");
        partner.MapGet("/me", Me)
            .WithSummary("Le système partenaire appelant : son client, son organisme, ses portées")
            .RequireAccess(AccessPolicies.PartnerCandidatesRead);
        return routes;
    }

    private static Ok<PartnerCaller> Me(ClaimsPrincipal user) => TypedResults.Ok(new PartnerCaller(
        user.CallerClientId() ?? "",
        user.CallerOrganisationId() ?? Guid.Empty,
        [.. AccessPolicy.ScopesOf(user).Order(StringComparer.Ordinal)]));
}
