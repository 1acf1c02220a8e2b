using System.Diagnostics;
using Nege.AppHost;
using Nege.AppHost.Infrastructure;
using Nege.ServiceDefaults;

var startup = Stopwatch.StartNew();
var builder = DistributedApplication.CreateBuilder(args);
var settings = new AppHostSettings(builder);

// Infrastructure: an existing server, Aspire's containers, or our local servers (see InfrastructureExtensions).
var postgres = builder.AddNegePostgres(ResourceNames.Postgres, settings);
var messaging = builder.AddNegeRabbitMQ(ResourceNames.Messaging, settings);
var smtp = builder.AddSmtpSink(ResourceNames.Smtp, settings);

// Secrets Aspire generates once and keeps in the AppHost's user secrets, outside the repository.
var siteClientSecret = builder.AddParameter("site-client-secret", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);
// Signs the digest's unsubscribe links: kept, so that yesterday's e-mails still unsubscribe after a restart.
var digestUnsubscribeKey = builder.AddParameter("news-digest-unsubscribe-key", new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true, persist: true);

// The five services: each its own database, the broker, tokens validated against the gateway's address.
// A service starts once PostgreSQL answers a query (it migrates its database as it starts), during the
// broker's boot, the longest step of a start: it builds, migrates and warms up meanwhile, and starts its
// bus once the broker listens (ServiceDefaults' BrokerListenerWait). Not the SMTP sink either:
// Notifications' delivery worker waits for it.
IResourceBuilder<ProjectResource> Service<TProject>(string name) where TProject : IProjectMetadata, new() =>
    builder.AddNegeProject<TProject>(name)
        .WithReference(postgres.AddServiceDatabase(ResourceNames.DatabaseOf(name), name))
        .WithReference(messaging)
        .WaitFor(postgres);

var billing = Service<Projects.Nege_Billing>(ResourceNames.Billing);
var directory = Service<Projects.Nege_Directory>(ResourceNames.Directory);
var candidates = Service<Projects.Nege_Candidates>(ResourceNames.Candidates);
// Notifications fetches the CVs of the directory's contact messages from Directory.
var notifications = Service<Projects.Nege_Notifications>(ResourceNames.Notifications)
    .WithReference(smtp)
    .WithReference(directory)
    .WithEnvironment("Notifications__Digest__UnsubscribeKey", digestUnsubscribeKey);
// Membership publishes as it starts (the first administrator's invitation), maybe before Notifications has
// bound its queue on a new broker: it publishes that invitation mandatory, kept in its outbox until routed.
var membership = Service<Projects.Nege_Membership>(ResourceNames.Membership)
    .WithEnvironment("Identity__SiteClient__Secret", siteClientSecret)
    .WithEnvironment("Identity__FirstAdministrator__Email",
        builder.Configuration["Identity:FirstAdministrator:Email"] ?? NegeTopology.FirstAdministratorEmail);

// Directory fetches the members' logos from Membership when their version changes.
directory.WithReference(membership);

// The site: its own database (data-protection keys), every service's API through discovery.
var site = builder.AddNegeProject<Projects.Nege_Site>(ResourceNames.Site)
    .WithReference(postgres.AddServiceDatabase(ResourceNames.SiteDatabase, ResourceNames.Site))
    .WaitFor(postgres)
    .WithReference(membership).WithReference(billing).WithReference(directory)
    .WithReference(candidates).WithReference(notifications)
    .WithEnvironment("Identity__ClientSecret", siteClientSecret);

// The gateway: the single way in, on the documented address; its health is that of every service behind
// it. It does not use the broker, but starts once the broker is healthy: the services are then a few
// seconds from ready, about the time the gateway takes to start. Started with them, it checked them
// over and over while they started and slowed their start; started once they were healthy, it added
// its own start, 2 to 3 s, to the end of `./nege up`.
var gateway = builder.AddNegeProject<Projects.Nege_Gateway>(ResourceNames.Gateway, settings.DocumentedPort("Gateway", 8080))
    .WithExternalHttpEndpoints()
    .WaitFor(messaging);
foreach (var backend in new[] { membership, billing, directory, candidates, notifications, site })
{
    gateway.WithReference(backend);
}

// Tokens are issued under the gateway's public address, and every project validates them against it.
var issuer = ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/");
foreach (var project in new[] { membership, billing, directory, candidates, notifications, site, gateway })
{
    project.WithEnvironment("Identity__Issuer", issuer);
}

builder.AddReadinessReport(startup, gateway, smtp);
builder.Build().Run();
