using Microsoft.Extensions.Hosting;

namespace Nege.AppHost;

public static class NegeTopology
{
    /// <summary>Who receives the first administrator's set-password link on a new system (in the SMTP sink locally).</summary>
    public const string FirstAdministratorEmail = "administrateur@numeric-emploi-grand-est.test";

    /// <summary>
    /// A project of the solution, healthy when <c>/health</c> answers. Its endpoint is not proxied
    /// (nothing between callers and the service), on <paramref name="port"/> or one DCP allocates.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddNegeProject<TProject>(this IDistributedApplicationBuilder builder, string name, int? port = null)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name)
            .WithHttpEndpoint(port: port, name: "http", isProxied: false)
            .WithHttpHealthCheck("/health")
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
            // Behind the gateway: the public scheme and host come from its X-Forwarded-* headers.
            .WithEnvironment("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true");
}
