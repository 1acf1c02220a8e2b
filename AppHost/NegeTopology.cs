using System.Reflection;
using System.Runtime.Versioning;
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
            .RunsBuiltOutput()
            .WithHttpEndpoint(port: port, name: "http", isProxied: false)
            .WithHttpHealthCheck("/health")
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
            // Behind the gateway: the public scheme and host come from its X-Forwarded-* headers.
            .WithEnvironment("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true");

    /// <summary>
    /// Runs the project's built assembly (<c>dotnet bin/…/Nege.X.dll</c>) rather than Aspire's default <c>dotnet run
    /// --no-build</c>, which evaluates the project with MSBuild at every start: about 1 s of CPU per project alone
    /// and 3 s each when the seven start together on two cores. The AppHost's build builds every project it
    /// references, in its own configuration, so the assembly is there and up to date.
    /// </summary>
    private static IResourceBuilder<ProjectResource> RunsBuiltOutput(this IResourceBuilder<ProjectResource> project)
    {
        var projectPath = project.Resource.GetProjectMetadata().ProjectPath;
        var projectDirectory = Path.GetDirectoryName(projectPath)!;
        var assembly = Path.Combine(projectDirectory, "bin", BuildConfiguration, TargetFramework, Path.GetFileNameWithoutExtension(projectPath) + ".dll");
        project.Resource.Annotations.Add(new ExecutableAnnotation { Command = "dotnet", WorkingDirectory = projectDirectory });
        return project.WithArgs(context =>
        {
            if (!File.Exists(assembly))
            {
                throw new InvalidOperationException($"{assembly} est introuvable : compilez la solution (dotnet build) avant de lancer l'AppHost.");
            }

            context.Args.Insert(0, assembly);
        });
    }

    /// <summary>The AppHost's own configuration (Debug, Release): the projects it references are built in the same one.</summary>
    private static string BuildConfiguration { get; } =
        typeof(NegeTopology).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>« net10.0 »: every project of the solution has the AppHost's target framework (Directory.Build.props).</summary>
    private static string TargetFramework { get; } = typeof(NegeTopology).Assembly.GetCustomAttribute<TargetFrameworkAttribute>() is { } attribute
        ? $"net{new FrameworkName(attribute.FrameworkName).Version.ToString(2)}"
        : throw new InvalidOperationException("L'AppHost n'a pas de framework cible.");
}
