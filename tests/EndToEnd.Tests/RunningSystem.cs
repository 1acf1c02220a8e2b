using Microsoft.Extensions.Configuration;
using Nege.AppHost;
using Nege.AppHost.Hosting;
using Nege.ServiceDefaults;
using Nege.Testing;

namespace EndToEnd.Tests;

/// <summary>
/// The whole system, started by the AppHost's own code (the same declaration as <c>./nege up</c>),
/// on free ports with a temporary state folder. Tests drive it only through the gateway and read
/// e-mails back from the SMTP sink.
/// </summary>
public sealed class RunningSystem : IAsyncLifetime
{
    private readonly string _state = Directory.CreateTempSubdirectory("nege-e2e-").FullName;

    public DistributedApplication App { get; private set; } = null!;

    public HttpClient Gateway { get; private set; } = null!;

    public HttpClient Dashboard { get; private set; } = null!;

    public SmtpSink Sink { get; private set; } = null!;

    public string MembershipDatabase { get; private set; } = "";

    /// <summary>The AppHost's state folder (identity secrets under <c>identity/</c>).</summary>
    public string StateDirectory => _state;

    /// <summary>The gateway's public address, without a trailing slash.</summary>
    public string GatewayUrl => Project(ResourceNames.Gateway).PublicUrl!;

    /// <summary>The tokens' issuer: the gateway's public address with a trailing slash.</summary>
    public string Issuer => GatewayUrl + "/";

    /// <summary>The site's OpenID Connect client secret, as the AppHost generated it.</summary>
    public string SiteClientSecret => File.ReadAllText(Path.Combine(_state, "identity", "site-client-secret")).Trim();

    /// <summary>People and their tokens, shared by the tests of the collection (the first administrator is set up once).</summary>
    public Identities Identities => _identities ??= new Identities(this);

    private Identities? _identities;

    public async Task InitializeAsync()
    {
        var options = new AppHostOptions
        {
            RepositoryRoot = AppHostOptions.FindRepositoryRoot(AppContext.BaseDirectory),
            StateDirectory = _state,
            Durable = false,
            UseDefaultPorts = false,
            // NEGE_E2E_VERBOSE=1: every resource's console output in the test log, prefixed with its name.
            Verbose = Environment.GetEnvironmentVariable("NEGE_E2E_VERBOSE") == "1",
        };
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var builder = new DistributedApplicationBuilder(options, configuration).AddNegeResources();

        // Every test calls from 127.0.0.1: together they send far more anonymous public writes (registrations,
        // password links…) than the 30 a minute one visitor may. The limit itself is proven in Gateway.Tests.
        builder.Resources.OfType<ProjectResource>().Single(r => r.Name == ResourceNames.Gateway)
            .WithEnvironment("Gateway__PublicWriteRateLimit__PermitLimit", "100000");
        App = builder.Build();
        await App.StartAsync();

        Gateway = new HttpClient { BaseAddress = new Uri(((ProjectResource)App[ResourceNames.Gateway]).PublicUrl!) };
        Dashboard = new HttpClient { BaseAddress = new Uri(App.DashboardUrl!) };
        Sink = new SmtpSink(new Uri(((MailDevResource)App[ResourceNames.Smtp]).WebUrl));
        MembershipDatabase = ((PostgresDatabaseResource)App[ResourceNames.MembershipDatabase]).ConnectionString;
    }

    public async Task DisposeAsync()
    {
        Gateway.Dispose();
        Dashboard.Dispose();
        Sink.Dispose();
        await App.DisposeAsync();
        Directory.Delete(_state, recursive: true);
    }

    public ProjectResource Project(string name) => (ProjectResource)App[name];
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<RunningSystem>
{
    public const string Name = "system";
}
