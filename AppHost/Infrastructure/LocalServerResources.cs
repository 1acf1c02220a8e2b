using Nege.LocalServers;

namespace Nege.AppHost.Infrastructure;

/// <summary>
/// A server run on this machine from Debian's or NuGet's packages (no container engine needed),
/// as an Aspire executable: DCP runs its command, the dashboard shows its console, and an
/// AppHost-side health check asks the server itself before <c>WaitFor</c> lets anything start.
/// </summary>
public abstract class LocalServerResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory)
{
    /// <summary>Made just before each start, once the secret parameters have their values.</summary>
    internal ILocalServer? Server { get; set; }
}

/// <summary>PostgreSQL 15 (Debian's package), run as the <c>postgres</c> user when the AppHost is root.</summary>
public sealed class LocalPostgresResource(string name, string workingDirectory, ParameterResource password)
    : LocalServerResource(name, "/bin/sh", workingDirectory), IResourceWithConnectionString
{
    public ParameterResource Password => password;

    public EndpointReference Endpoint => new(this, "tcp");

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host=127.0.0.1;Port={Endpoint.Property(EndpointProperty.Port)};Username={LocalPostgres.User};Password={Password}");
}

/// <summary>RabbitMQ 3.10 (Debian's package) with its management UI and its own Erlang port mapper.</summary>
public sealed class LocalRabbitMqResource(string name, string workingDirectory, ParameterResource password)
    : LocalServerResource(name, "/bin/sh", workingDirectory), IResourceWithConnectionString
{
    public ParameterResource Password => password;

    public EndpointReference Endpoint => new(this, "tcp");

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{LocalRabbitMq.User}:{Password}@127.0.0.1:{Endpoint.Property(EndpointProperty.Port)}");
}

/// <summary>The SMTP sink (smtp4dev, a .NET tool): SMTP in, a web UI where a person reads every e-mail.</summary>
public sealed class SmtpSinkResource(string name, string workingDirectory)
    : LocalServerResource(name, "dotnet", workingDirectory), IResourceWithConnectionString
{
    public EndpointReference Smtp => new(this, "smtp");

    public EndpointReference Web => new(this, "http");

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"smtp://127.0.0.1:{Smtp.Property(EndpointProperty.Port)}");
}

public static class LocalServerResourceExtensions
{
    /// <summary>
    /// Runs <paramref name="create"/>'s server for this resource: prepared before each start (initdb,
    /// configuration), its command and environment given to DCP, its readiness as the resource's health.
    /// </summary>
    public static IResourceBuilder<T> RunsLocalServer<T>(
        this IResourceBuilder<T> resource, Func<CancellationToken, Task<ILocalServer>> create) where T : LocalServerResource
    {
        var builder = resource.ApplicationBuilder;
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(resource.Resource, async (_, cancellationToken) =>
        {
            var server = await create(cancellationToken);
            await server.PrepareAsync(cancellationToken);
            resource.Resource.Server = server;
        });

        var healthCheck = $"{resource.Resource.Name}-answers";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, async cancellationToken =>
            resource.Resource.Server is { } server && await server.IsReadyAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("ne répond pas encore"));

        return resource
            .WithArgs(context =>
            {
                foreach (var argument in ServerOf(resource).Command().Arguments)
                {
                    context.Args.Add(argument);
                }
            })
            .WithEnvironment(context =>
            {
                foreach (var (key, value) in ServerOf(resource).Command().Environment)
                {
                    context.EnvironmentVariables[key] = value ?? "";
                }
            })
            .WithHealthCheck(healthCheck);
    }

    /// <summary>An endpoint on a port the AppHost chose: not proxied, so clients talk to the server itself.</summary>
    public static IResourceBuilder<T> WithLocalEndpoint<T>(this IResourceBuilder<T> resource, string name, int port, string scheme = "tcp")
        where T : IResourceWithEndpoints =>
        resource.WithEndpoint(port: port, targetPort: port, scheme: scheme, name: name, isProxied: false);

    private static ILocalServer ServerOf<T>(IResourceBuilder<T> resource) where T : LocalServerResource =>
        resource.Resource.Server ?? throw new InvalidOperationException($"{resource.Resource.Name} n'a pas été préparé.");
}
