using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Security;

namespace Nege.Gateway.Security;

/// <summary>
/// The gateway's own check before anything reaches a service: <c>/api/&lt;service&gt;/…</c> needs a
/// valid NEGE access token (issuer, one of the services' audiences, lifetime, signature), except the
/// public routes of <see cref="Routing.ProxyRoutes"/>. Each service still checks who may do what.
/// </summary>
public static class GatewayAccess
{
    /// <summary>Any caller with a valid NEGE access token.</summary>
    public const string CallerPolicy = "nege-caller";

    /// <summary>YARP's name for a route open to everyone.</summary>
    public const string Anonymous = "anonymous";

    public static IReadOnlyList<string> Audiences { get; } = [.. ResourceNames.ApiServices.Select(AuthenticationExtensions.AudienceOf)];

    public static IHostApplicationBuilder AddGatewayAccess(this IHostApplicationBuilder builder)
    {
        builder.AddNegeAuthentication([.. Audiences]);
        builder.Services.AddAuthorization(options => options.AddPolicy(CallerPolicy, policy => policy
            .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()));
        return builder;
    }

    /// <summary>The partner system calling, when the token is a partner client's (client credentials): its client id.</summary>
    public static string? PartnerClientOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.IsPartnerClient() ? user.CallerClientId() : null;
}
