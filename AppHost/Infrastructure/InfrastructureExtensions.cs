using Nege.LocalServers;

namespace Nege.AppHost.Infrastructure;

/// <summary>
/// PostgreSQL, RabbitMQ and the SMTP sink: an existing server when its connection string is given,
/// else Aspire's containers when an engine answers, else our local servers. The connection
/// strings have the same format whichever way.
/// </summary>
public static class InfrastructureExtensions
{
    public static IResourceBuilder<IResourceWithConnectionString> AddNegePostgres(
        this IDistributedApplicationBuilder builder, string name, AppHostSettings settings)
    {
        if (builder.Configuration.GetConnectionString(name) is { Length: > 0 })
        {
            return builder.AddConnectionString(name);
        }

        var password = builder.AddParameter($"{name}-password", new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true, persist: true);
        if (settings.Infrastructure == InfrastructureMode.Containers)
        {
            return builder.AddPostgres(name, password: password).WithImageTag("15").WithDataVolume($"nege-{name}-data");
        }

        var folder = settings.StateFolder(name);
        var port = Ports.Free();
        return builder.AddResource(new LocalPostgresResource(name, folder, password.Resource))
            .WithLocalEndpoint("tcp", port)
            .RunsLocalServer(async cancellationToken =>
                new LocalPostgres(folder, port, await password.Resource.GetValueAsync(cancellationToken) ?? "", settings.Durable))
            .WithIconName("Database");
    }

    /// <summary>A service's own database on that server; the service creates it when missing (its migrator, under its lock).</summary>
    public static IResourceBuilder<ConnectionStringResource> AddServiceDatabase(
        this IResourceBuilder<IResourceWithConnectionString> server, string name, string databaseName) =>
        server.ApplicationBuilder
            .AddConnectionString(name, ReferenceExpression.Create($"{server.Resource};Database={databaseName}"))
            .WithParentRelationship(server);

    public static IResourceBuilder<IResourceWithConnectionString> AddNegeRabbitMQ(
        this IDistributedApplicationBuilder builder, string name, AppHostSettings settings)
    {
        if (builder.Configuration.GetConnectionString(name) is { Length: > 0 })
        {
            return builder.AddConnectionString(name);
        }

        var password = builder.AddParameter($"{name}-password", new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true, persist: true);
        if (settings.Infrastructure == InfrastructureMode.Containers)
        {
            var user = builder.AddParameter($"{name}-user", LocalRabbitMq.User);
            return builder.AddRabbitMQ(name, user, password).WithDataVolume($"nege-{name}-data").WithManagementPlugin();
        }

        var folder = settings.StateFolder(name);
        var ports = RabbitMqPorts.Free();
        return builder.AddResource(new LocalRabbitMqResource(name, folder, password.Resource))
            .WithLocalEndpoint("tcp", ports.Amqp)
            .WithLocalEndpoint("management", ports.Management, "http")
            .RunsLocalServer(async cancellationToken =>
                new LocalRabbitMq(folder, ports, await password.Resource.GetValueAsync(cancellationToken) ?? ""))
            .WithIconName("Mailbox");
    }

    /// <summary>The SMTP sink on its documented ports (SMTP 1025, web UI 1080).</summary>
    public static IResourceBuilder<SmtpSinkResource> AddSmtpSink(this IDistributedApplicationBuilder builder, string name, AppHostSettings settings)
    {
        var folder = settings.StateFolder(name);
        var smtpPort = settings.DocumentedPort("Smtp", 1025);
        var webPort = settings.DocumentedPort("SmtpWeb", 1080);
        return builder.AddResource(new SmtpSinkResource(name, folder))
            .WithLocalEndpoint("smtp", smtpPort)
            .WithLocalEndpoint("http", webPort, "http")
            .WithUrlForEndpoint("http", url => url.DisplayText = "Courriels reçus")
            .RunsLocalServer(_ => Task.FromResult<ILocalServer>(new LocalSmtpSink(settings.RepositoryRoot, folder, smtpPort, webPort)))
            .WithIconName("Mail");
    }
}
