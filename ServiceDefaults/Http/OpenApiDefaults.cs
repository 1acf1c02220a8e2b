using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Nege.ServiceDefaults.Security;

namespace Nege.ServiceDefaults.Http;

public static class OpenApiDefaults
{
    /// <summary>The service's OpenAPI document, titled with its name, with paths valid through the gateway.</summary>
    public static IServiceCollection AddServiceOpenApi(this IServiceCollection services, string serviceName, string title) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = title;
                document.Info.Version = "v1";
                document.Servers = [new OpenApiServer { Url = "/" }];
                return Task.CompletedTask;
            });

            // Who may call each operation, from the endpoint's own metadata.
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                var access = metadata.OfType<AccessPolicy>().LastOrDefault() is { } policy
                    ? $"Accès : {policy.Description} (politique « {policy.Name} »)."
                    : metadata.OfType<PublicEndpoint>().Any() ? "Accès : public." : null;
                if (access is not null)
                {
                    operation.Description = string.IsNullOrEmpty(operation.Description) ? access : operation.Description + "\n\n" + access;
                }

                return Task.CompletedTask;
            });
        });

    /// <summary>Serves the document at <c>/api/&lt;service&gt;/openapi/v1.json</c>, the path the gateway forwards.</summary>
    public static IEndpointConventionBuilder MapServiceOpenApi(this WebApplication app, string serviceName) =>
        app.MapOpenApi($"/api/{serviceName}/openapi/{{documentName}}.json")
            .AllowAnonymous()
            .WithMetadata(PublicEndpoint.Instance);

    public static string DocumentPath(string serviceName) => $"/api/{serviceName}/openapi/v1.json";
}
