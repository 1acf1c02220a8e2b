using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Http;
using Scalar.AspNetCore;

namespace Nege.Gateway.Docs;

/// <summary><c>/docs</c>: every service's OpenAPI document (fetched through the gateway) on one Scalar page.</summary>
public static class ApiDocs
{
    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapScalarApiReference("/docs", options =>
        {
            options.WithTitle("NEGE — API");
            foreach (var service in ResourceNames.ApiServices)
            {
                options.AddDocument(service, service, OpenApiDefaults.DocumentPath(service));
            }
        }).AllowAnonymous().WithMetadata(PublicEndpoint.Instance);
        return app;
    }
}
