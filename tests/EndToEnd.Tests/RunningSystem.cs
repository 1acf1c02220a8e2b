using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Nege.ServiceDefaults;
using Nege.Testing;
using Nege.Testing.EndToEnd;

namespace EndToEnd.Tests;

/// <summary>
/// The whole system, started from the real AppHost (the same topology as <c>./nege up</c>) with a
/// temporary state folder. Tests drive it only through the gateway and read e-mails back from the
/// SMTP sink; resources are stopped and started through Aspire's resource commands.
/// </summary>
public sealed class RunningSystem : IAsyncLifetime
{
    private readonly string _state = Directory.CreateTempSubdirectory("nege-e2e-").FullName;

    public DistributedApplication App { get; private set; } = null!;

    public HttpClient Gateway { get; private set; } = null!;

    public SmtpSink Sink { get; private set; } = null!;

    /// <summary>The SMTP sink's web UI, where a person reads every e-mail.</summary>
    public Uri SinkWebUrl { get; private set; } = null!;

    public string MembershipDatabase { get; private set; } = "";

    public string NotificationsDatabase { get; private set; } = "";

    public string CandidatesDatabase { get; private set; } = "";

    /// <summary>The gateway's public address, without a trailing slash.</summary>
    public string GatewayUrl { get; private set; } = "";

    /// <summary>The tokens' issuer: the gateway's public address with a trailing slash.</summary>
    public string Issuer => GatewayUrl + "/";

    /// <summary>The site's OpenID Connect client secret, given to the AppHost as its secret parameter.</summary>
    public string SiteClientSecret { get; private set; } = "";

    /// <summary>
    /// The digest's time (Paris, « HH:mm:ss ») Notifications gets when it starts: late in the evening, so that no digest
    /// goes out while the tests run, until a test moves it a few seconds ahead and restarts Notifications.
    /// </summary>
    public string NewsDigestAt { get; set; } = "23:59:59";

    /// <summary>People and their tokens, shared by the tests of the collection (the first administrator is set up once).</summary>
    public Identities Identities => _identities ??= new Identities(this);

    private Identities? _identities;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        // Every test calls from 127.0.0.1: together they send far more anonymous public writes (registrations,
        // password links…) than the 30 a minute one visitor may. The limit itself is proven in Gateway.Tests.
        (App, SiteClientSecret) = await NegeSystem.StartAsync(_state, durable: false, new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [ResourceNames.Gateway] = new Dictionary<string, string> { ["Gateway__PublicWriteRateLimit__PermitLimit"] = "100000" },
            // The retention engine looks every few seconds rather than hourly: a test that ages a dossier sees it acted on.
            [ResourceNames.Candidates] = new Dictionary<string, string> { ["Candidates__Retention__RunEvery"] = "00:00:03" },
            // Every visitor of the tests writes to companies from 127.0.0.1: the form's per-address limit (proven in Directory.Tests) lifted.
            [ResourceNames.Directory] = new Dictionary<string, string> { ["Directory__Contact__PerClientAddress"] = "100000" },
        }, timeout.Token, builder => builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == ResourceNames.Notifications))
            // Read again at every start of the resource.
            .WithEnvironment(context => context.EnvironmentVariables["Notifications__Digest__At"] = NewsDigestAt)
            .WithEnvironment("Notifications__Digest__Interval", "00:00:01"));

        GatewayUrl = App.GetEndpoint(ResourceNames.Gateway, "http").ToString().TrimEnd('/');
        Gateway = new HttpClient { BaseAddress = new Uri(GatewayUrl) };
        SinkWebUrl = App.GetEndpoint(ResourceNames.Smtp, "http");
        Sink = new SmtpSink(SinkWebUrl);
        MembershipDatabase = await ConnectionStringAsync(ResourceNames.MembershipDatabase);
        NotificationsDatabase = await ConnectionStringAsync(ResourceNames.NotificationsDatabase);
        CandidatesDatabase = await ConnectionStringAsync(ResourceNames.DatabaseOf(ResourceNames.Candidates));
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        Sink?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        Directory.Delete(_state, recursive: true);
    }

    /// <summary>Stops a resource as the dashboard's « Stop » does, and waits until it has stopped.</summary>
    public Task StopAsync(string resource) => App.StopResourceAsync(resource);

    /// <summary>Starts it again and waits until it is healthy.</summary>
    public Task StartAsync(string resource) => App.StartResourceAsync(resource);

    private async Task<string> ConnectionStringAsync(string resource) =>
        await App.GetConnectionStringAsync(resource) ?? throw new InvalidOperationException($"No connection string for {resource}.");
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<RunningSystem>
{
    public const string Name = "system";
}
