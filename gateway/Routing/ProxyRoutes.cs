using Microsoft.AspNetCore.Http.HttpResults;
using Nege.Gateway.Limits;
using Nege.Gateway.Security;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Http;
using Yarp.ReverseProxy.Configuration;

namespace Nege.Gateway.Routing;

/// <summary>
/// <c>/api/&lt;service&gt;/…</c> to each service (a valid access token required, except the public
/// routes below), the OpenID Connect server and its account pages to Membership, and everything else
/// to the site. Destinations come from service-discovery configuration (<c>services:&lt;name&gt;:http:0</c>),
/// as the AppHost injects it.
/// </summary>
public static class ProxyRoutes
{
    /// <summary>Writes open to anonymous visitors (<c>POST</c>): rate-limited per client address.</summary>
    public static readonly IReadOnlyList<(string Service, string Path)> PublicWriteRoutes =
    [
        (ResourceNames.Membership, "/api/membership/application-drafts"),
        (ResourceNames.Membership, "/api/membership/accounts/registrations"),
        (ResourceNames.Membership, "/api/membership/email-confirmations"),
        (ResourceNames.Membership, "/api/membership/password-reset-requests"),
        (ResourceNames.Membership, "/api/membership/password-resets"),
        // « Écrire au responsable RH » (the directory also limits it per sender, company and address).
        (ResourceNames.Directory, "/api/directory/organisations/{id}/messages"),
        // The daily digest's one-click unsubscription (RFC 8058), signed per person.
        (ResourceNames.Notifications, "/api/notifications/digest/unsubscribe"),
    ];

    /// <summary>
    /// An application draft opens with its key (a header) or its referent's token, and a candidate's answer with
    /// the token of their link, not with a role:
    /// open to anonymous callers, every method rate-limited per address like the public writes.
    /// </summary>
    public static readonly IReadOnlyList<(string Service, string Path)> KeyedRoutes =
    [
        (ResourceNames.Membership, "/api/membership/application-drafts/{id}/{**rest}"),
        (ResourceNames.Membership, "/api/membership/application-drafts/{id}"),
        // A candidate answers a company's interest with the token of their e-mail's link.
        (ResourceNames.Candidates, "/api/candidates/interests/answer"),
    ];

    /// <summary>Reads open to everyone (<c>GET</c>): the affiliation list of the form, member organisations' logos, the fee grids and the quote, the directory, the published news.</summary>
    public static readonly IReadOnlyList<(string Service, string Path)> PublicReadRoutes =
    [
        (ResourceNames.Membership, "/api/membership/affiliations"),
        (ResourceNames.Membership, "/api/membership/organisations/{id}/logo"),
        (ResourceNames.Billing, "/api/billing/grids"),
        (ResourceNames.Billing, "/api/billing/grids/{year}"),
        (ResourceNames.Billing, "/api/billing/quote"),
        (ResourceNames.Directory, "/api/directory/organisations"),
        (ResourceNames.Directory, "/api/directory/organisations/{id}"),
        (ResourceNames.Directory, "/api/directory/organisations/{id}/logo"),
        (ResourceNames.Notifications, "/api/notifications/digest/unsubscribe"),
        (ResourceNames.Directory, "/api/directory/news"),
        (ResourceNames.Directory, "/api/directory/news/feed"),
        // A guid only: the editors' « /news/drafts » stays behind the callers' policy.
        (ResourceNames.Directory, "/api/directory/news/{id:guid}"),
        (ResourceNames.Directory, "/api/directory/news/{id:guid}/image"),
    ];

    /// <summary>Membership's OpenID Connect server (discovery, keys, token…) and its login and account pages, open to everyone.</summary>
    public static readonly IReadOnlyList<string> IdentityPrefixes = ["/.well-known", "/connect", "/compte"];

    public static IHostApplicationBuilder AddProxyRoutes(this IHostApplicationBuilder builder)
    {
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();

        foreach (var service in ResourceNames.ApiServices)
        {
            clusters.Add(Cluster(service, builder.Configuration));
            routes.Add(new RouteConfig
            {
                RouteId = $"api-{service}",
                ClusterId = service,
                AuthorizationPolicy = GatewayAccess.CallerPolicy,
                Match = new RouteMatch { Path = $"/api/{service}/{{**rest}}" },
            });
            routes.Add(new RouteConfig
            {
                RouteId = $"api-{service}-openapi",
                ClusterId = service,
                Order = -1,
                AuthorizationPolicy = GatewayAccess.Anonymous,
                Match = new RouteMatch { Path = $"/api/{service}/openapi/{{**rest}}", Methods = ["GET"] },
            });
        }

        foreach (var (service, path) in PublicWriteRoutes)
        {
            routes.Add(new RouteConfig
            {
                RouteId = $"public-write-{service}-{path.Replace('/', '-')}",
                ClusterId = service,
                Order = -1,
                AuthorizationPolicy = GatewayAccess.Anonymous,
                RateLimiterPolicy = RequestLimits.PublicWritePolicy,
                Match = new RouteMatch { Path = path, Methods = ["POST"] },
            });
        }

        foreach (var (service, path) in KeyedRoutes)
        {
            routes.Add(new RouteConfig
            {
                RouteId = $"keyed-{service}-{path.Replace('/', '-')}",
                ClusterId = service,
                Order = -1,
                AuthorizationPolicy = GatewayAccess.Anonymous,
                RateLimiterPolicy = RequestLimits.PublicWritePolicy,
                Match = new RouteMatch { Path = path },
            });
        }

        foreach (var (service, path) in PublicReadRoutes)
        {
            routes.Add(new RouteConfig
            {
                RouteId = $"public-read-{service}-{path.Replace('/', '-')}",
                ClusterId = service,
                Order = -1,
                AuthorizationPolicy = GatewayAccess.Anonymous,
                Match = new RouteMatch { Path = path, Methods = ["GET"] },
            });
        }

        foreach (var prefix in IdentityPrefixes)
        {
            routes.Add(new RouteConfig
            {
                RouteId = $"identity-{prefix.TrimStart('/')}",
                ClusterId = ResourceNames.Membership,
                AuthorizationPolicy = GatewayAccess.Anonymous,
                Match = new RouteMatch { Path = $"{prefix}/{{**rest}}" },
            });
        }

        // The account forms (login, registration, password links) are public writes too: the same
        // per-address limit slows down password guessing across accounts and e-mail flooding.
        routes.Add(new RouteConfig
        {
            RouteId = "identity-account-forms",
            ClusterId = ResourceNames.Membership,
            Order = -1,
            AuthorizationPolicy = GatewayAccess.Anonymous,
            RateLimiterPolicy = RequestLimits.PublicWritePolicy,
            Match = new RouteMatch { Path = "/compte/{**rest}", Methods = ["POST"] },
        });

        clusters.Add(Cluster(ResourceNames.Site, builder.Configuration));
        routes.Add(new RouteConfig
        {
            RouteId = "site",
            ClusterId = ResourceNames.Site,
            Order = int.MaxValue,
            AuthorizationPolicy = GatewayAccess.Anonymous,
            Match = new RouteMatch { Path = "/{**rest}" },
        });

        builder.Services.AddReverseProxy().LoadFromMemory(routes, clusters);
        return builder;
    }

    public static Uri DestinationOf(string service, IConfiguration configuration) =>
        new(configuration.GetRequiredValue($"services:{service}:http:0"));

    /// <summary>An <c>/api/…</c> path no service owns: 404 problem details rather than the site's page.</summary>
    public static WebApplication MapUnknownApiRoutes(this WebApplication app)
    {
        app.Map("/api/{**rest}", (HttpContext context) => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                detail: $"Aucun service ne répond à l'adresse {context.Request.Path}."))
            .AllowAnonymous()
            .WithMetadata(PublicEndpoint.Instance)
            .ExcludeFromDescription();
        return app;
    }

    private static ClusterConfig Cluster(string service, IConfiguration configuration) => new()
    {
        ClusterId = service,
        Destinations = new Dictionary<string, DestinationConfig>
        {
            [service] = new() { Address = DestinationOf(service, configuration).ToString() },
        },
    };
}
