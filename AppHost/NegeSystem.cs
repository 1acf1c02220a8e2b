using Nege.AppHost.Hosting;
using Nege.AppHost.Infrastructure;
using Nege.ServiceDefaults;

namespace Nege.AppHost;

/// <summary>The whole NEGE system, declared once: used by <c>Program</c> and by the end-to-end tests.</summary>
public static class NegeSystem
{
    /// <summary>Who receives the first administrator's set-password link on a new system (in the SMTP sink locally).</summary>
    public const string FirstAdministratorEmail = "administrateur@numeric-emploi-grand-est.test";

    public static DistributedApplicationBuilder AddNegeResources(this DistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres(ResourceNames.Postgres);
        var messaging = builder.AddRabbitMQ(ResourceNames.Messaging);
        var smtp = builder.AddMailDev(ResourceNames.Smtp);

        ProjectResource Service(string name, string directory)
        {
            var database = builder.AddDatabase(postgres, ResourceNames.DatabaseOf(name), name);
            return builder.AddProject(name, directory)
                .WithReference(database)
                .WithReference(messaging);
        }

        var membership = Service(ResourceNames.Membership, "services/Membership");
        var billing = Service(ResourceNames.Billing, "services/Billing");
        var directory = Service(ResourceNames.Directory, "services/Directory");
        var candidates = Service(ResourceNames.Candidates, "services/Candidates");
        var notifications = Service(ResourceNames.Notifications, "services/Notifications").WithReference(smtp);

        var site = builder.AddProject(ResourceNames.Site, "services/Site")
            .WithReference(builder.AddDatabase(postgres, ResourceNames.SiteDatabase, ResourceNames.Site));
        foreach (var service in new[] { membership, billing, directory, candidates, notifications })
        {
            site.WithReference(service);
        }

        var gateway = builder.AddProject(ResourceNames.Gateway, "gateway", documentedPort: 8080);
        gateway.BindAddress = "localhost";
        gateway.PublicUrl = $"http://localhost:{gateway.Port}";

        // Identity: Membership issues tokens under the gateway's public address; every project validates them.
        var issuer = gateway.PublicUrl + "/";
        var siteClientSecret = Secrets.ReadOrCreate(Path.Combine(builder.Options.StateDirectory, "identity", "site-client-secret"));
        foreach (var project in new[] { membership, billing, directory, candidates, notifications, site, gateway })
        {
            project.WithEnvironment("Identity__Issuer", issuer);
        }

        membership
            .WithEnvironment("Identity__SiteClient__Secret", siteClientSecret)
            .WithEnvironment("Identity__FirstAdministrator__Email",
                builder.Configuration["Identity:FirstAdministrator:Email"] ?? FirstAdministratorEmail);
        site.WithEnvironment("Identity__ClientSecret", siteClientSecret);
        foreach (var project in new[] { membership, billing, directory, candidates, notifications, site })
        {
            gateway.WithReference(project).WaitFor(project);
        }

        return builder;
    }
}
