using Microsoft.Extensions.Configuration;
using Nege.AppHost.Hosting;
using Nege.AppHost.Infrastructure;
using Nege.ServiceDefaults;

namespace AppHost.Tests;

public sealed class OrchestrationTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("nege-orchestration-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public async Task A_resource_starts_only_once_what_it_waits_for_is_healthy_and_stops_before_it()
    {
        var journal = new List<string>();
        var database = new ScriptedResource("database", journal) { HealthyAfterChecks = 3 };
        var service = new ScriptedResource("service", journal);
        var gateway = new ScriptedResource("gateway", journal);
        service.DependsOn(database);
        gateway.DependsOn(service);
        var app = new DistributedApplication(Options(), [database, service, gateway], dashboardPorts: null);

        await app.StartAsync();
        await app.StopAsync();

        Assert.Equal(
            ["start database", "healthy database", "start service", "healthy service", "start gateway", "healthy gateway",
             "stop gateway", "stop service", "stop database"],
            journal);
    }

    [Fact]
    public async Task A_resource_that_fails_to_start_fails_the_start_with_its_output_and_its_dependents_never_start()
    {
        var journal = new List<string>();
        var broken = new ScriptedResource("broken", journal) { StartFailure = "port déjà utilisé" };
        var dependent = new ScriptedResource("dependent", journal);
        dependent.DependsOn(broken);
        var app = new DistributedApplication(Options(), [broken, dependent], dashboardPorts: null);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());
        await app.StopAsync();

        Assert.Contains("broken", failure.Message, StringComparison.Ordinal);
        Assert.Contains("port déjà utilisé", failure.Message, StringComparison.Ordinal);
        Assert.Equal(ResourceState.FailedToStart, broken.State);
        Assert.DoesNotContain("start dependent", journal);
    }

    [Fact]
    public async Task A_resource_that_exits_is_shown_as_exited_with_its_code()
    {
        var journal = new List<string>();
        var fragile = new ScriptedResource("fragile", journal);
        var app = new DistributedApplication(Options(), [fragile], dashboardPorts: null);
        await app.StartAsync();

        fragile.Crash(exitCode: 3);

        await Nege.Testing.Eventually.UntilAsync(() => fragile.State == ResourceState.Exited, TimeSpan.FromSeconds(5), "the exit is noticed");
        Assert.Equal(3, fragile.ExitCode);
        Assert.Contains("code 3", fragile.Logs.Tail(5), StringComparison.Ordinal);
        await app.StopAsync();
    }

    [Fact]
    public void Projects_get_their_configuration_injected_as_Aspire_injects_it()
    {
        var builder = new DistributedApplicationBuilder(Options(), new ConfigurationBuilder().Build());
        var postgres = builder.AddPostgres(ResourceNames.Postgres);
        var database = builder.AddDatabase(postgres, ResourceNames.MembershipDatabase, "membership");
        var messaging = builder.AddRabbitMQ(ResourceNames.Messaging);
        var billing = builder.AddProject(ResourceNames.Billing, "services/Billing");
        var membership = builder.AddProject(ResourceNames.Membership, "services/Membership")
            .WithReference(database).WithReference(messaging).WithReference(billing);

        var environment = membership.BuildEnvironment();

        Assert.Equal(database.ConnectionString, environment["ConnectionStrings__membership-db"]);
        Assert.Contains("Database=membership", environment["ConnectionStrings__membership-db"], StringComparison.Ordinal);
        Assert.StartsWith("amqp://nege:", environment["ConnectionStrings__messaging"], StringComparison.Ordinal);
        Assert.Equal(billing.HttpUrl, environment["services__billing__http__0"]);
        Assert.Equal($"http://127.0.0.1:{membership.Port}", environment["ASPNETCORE_URLS"]);
        Assert.Equal("true", environment["ASPNETCORE_FORWARDEDHEADERS_ENABLED"]);
        Assert.Equal("simple", environment["LOGGING__CONSOLE__FORMATTERNAME"]);
        Assert.Equal(ResourceNames.Membership, environment["OTEL_SERVICE_NAME"]);
        Assert.StartsWith("service.instance.id=", environment["OTEL_RESOURCE_ATTRIBUTES"], StringComparison.Ordinal);
        Assert.Equal($"http://localhost:{builder.Dashboard!.OtlpHttp}", environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        foreach (var delay in new[] { "OTEL_BSP_SCHEDULE_DELAY", "OTEL_BLRP_SCHEDULE_DELAY", "OTEL_METRIC_EXPORT_INTERVAL" })
        {
            Assert.Equal("1000", environment[delay]);
        }

        Assert.Equal([database, messaging], membership.WaitsFor);
    }

    [Fact]
    public void An_existing_server_given_by_its_connection_string_is_used_instead_of_a_local_one()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:postgres"] = "Host=db.example;Port=5433;Username=nege;Password=secret",
            ["ConnectionStrings:messaging"] = "amqp://nege:secret@broker.example:5673",
        }).Build();
        var builder = new DistributedApplicationBuilder(Options(), configuration);

        var postgres = builder.AddPostgres(ResourceNames.Postgres);
        var database = builder.AddDatabase(postgres, ResourceNames.BillingDatabase, "billing");
        var messaging = builder.AddRabbitMQ(ResourceNames.Messaging);

        Assert.Contains("Host=db.example", database.ConnectionString, StringComparison.Ordinal);
        Assert.Contains("Database=billing", database.ConnectionString, StringComparison.Ordinal);
        Assert.Equal("amqp://nege:secret@broker.example:5673", messaging.ConnectionString);
        Assert.Null(postgres.Pid);
        Assert.False(Directory.Exists(Path.Combine(_state, ResourceNames.Postgres)));
    }

    [Fact]
    public void Ports_are_remembered_across_restarts_and_a_busy_fixed_port_is_refused_clearly()
    {
        var first = new PortAssignments(_state);
        var remembered = first.Get("membership");
        first.Save();

        Assert.Equal(remembered, new PortAssignments(_state).Get("membership"));

        using var busy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        var busyPort = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port;
        var refusal = Assert.Throws<InvalidOperationException>(() => new PortAssignments(_state).Get("Gateway", busyPort));
        Assert.Contains($"Le port {busyPort}", refusal.Message, StringComparison.Ordinal);
    }

    private AppHostOptions Options() => new()
    {
        RepositoryRoot = AppHostOptions.FindRepositoryRoot(AppContext.BaseDirectory),
        StateDirectory = _state,
        UseDefaultPorts = false,
        StartTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>A resource whose start, health and exit the test decides.</summary>
    private sealed class ScriptedResource(string name, List<string> journal) : Resource(name, "test")
    {
        private TaskCompletionSource<int> _exit = new();
        private int _checks;

        public int HealthyAfterChecks { get; init; } = 1;

        public string? StartFailure { get; init; }

        public override int? Pid => null;

        public void DependsOn(Resource other) => AddWaitFor(other);

        public void Crash(int exitCode) => _exit.TrySetResult(exitCode);

        protected override Task<Task<int>?> StartCoreAsync(CancellationToken cancellationToken)
        {
            if (StartFailure is not null)
            {
                throw new InvalidOperationException(StartFailure);
            }

            lock (journal)
            {
                journal.Add($"start {Name}");
            }

            _exit = new TaskCompletionSource<int>();
            return Task.FromResult<Task<int>?>(_exit.Task);
        }

        public override Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
        {
            var healthy = Interlocked.Increment(ref _checks) >= HealthyAfterChecks;
            if (healthy && Health != ResourceHealth.Healthy)
            {
                lock (journal)
                {
                    if (!journal.Contains($"healthy {Name}"))
                    {
                        journal.Add($"healthy {Name}");
                    }
                }
            }

            return Task.FromResult(healthy);
        }

        protected override Task StopCoreAsync()
        {
            lock (journal)
            {
                journal.Add($"stop {Name}");
            }

            return Task.CompletedTask;
        }
    }
}
