using Microsoft.AspNetCore.Http.HttpResults;
using Nege.Gateway.Limits;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Http;
using Yarp.ReverseProxy.Configuration;

namespace Nege.Gateway.Routing;

/// <summary>
/// <c>/api/&lt;service&gt;/…</c> to each service and everything else to the site. Destinations come
/// from service-discovery configuration (<c>services:&lt;name&gt;:http:0</c>), as the AppHost injects it.
/// </summary>
public static class ProxyRoutes
{
    /// <summary>Write routes open to anonymous visitors: rate-limited per client.</summary>
    public static readonly IReadOnlyList<(string Service, string Path)> PublicWriteRoutes =
    [
        (ResourceNames.Membership, "/api/membership/applications"),
    ];

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
                Match = new RouteMatch { Path = $"/api/{service}/{{**rest}}" },
            });
        }

        foreach (var (service, path) in PublicWriteRoutes)
        {
            routes.Add(new RouteConfig
            {
                RouteId = $"public-write-{service}-{path.Replace('/', '-')}",
                ClusterId = service,
                Order = -1,
                RateLimiterPolicy = RequestLimits.PublicWritePolicy,
                Match = new RouteMatch { Path = path, Methods = ["POST", "PUT", "PATCH", "DELETE"] },
            });
        }

        clusters.Add(Cluster(ResourceNames.Site, builder.Configuration));
        routes.Add(new RouteConfig
        {
            RouteId = "site",
            ClusterId = ResourceNames.Site,
            Order = int.MaxValue,
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
