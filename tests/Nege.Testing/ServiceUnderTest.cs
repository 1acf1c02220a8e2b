using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nege.ServiceDefaults;
using Xunit;

namespace Nege.Testing;

/// <summary>
/// A business service hosted in the test process on a fresh database of its own, with real
/// PostgreSQL and RabbitMQ, configured under the names the AppHost uses.
/// </summary>
public abstract class ServiceUnderTest<TProgram, TDbContext>(string serviceName) : IAsyncLifetime
    where TProgram : class
    where TDbContext : DbContext
{
    public string ServiceName => serviceName;

    public TestInfrastructure Infrastructure { get; } = new();

    public ServiceFactory<TProgram> Factory { get; private set; } = null!;

    public string DatabaseConnectionString { get; private set; } = "";

    /// <summary>The OpenID Connect server the service trusts: mints the tokens tests call it with.</summary>
    public TestTokenIssuer Tokens { get; private set; } = null!;

    /// <summary>
    /// Starts everything; when a part fails to start, what did start is stopped before the failure is
    /// reported (xUnit does not dispose a fixture whose start failed, and a PostgreSQL or RabbitMQ left
    /// running would slow down every later run).
    /// </summary>
    public async Task InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        var issuer = TestTokenIssuer.StartAsync();
        await Task.WhenAll(Infrastructure.InitializeAsync(), StartDependenciesAsync(), issuer);
        Tokens = await issuer;
        DatabaseConnectionString = await Infrastructure.CreateDatabaseAsync(serviceName);
        var settings = new Dictionary<string, string>
        {
            [$"ConnectionStrings:{ResourceNames.DatabaseOf(serviceName)}"] = DatabaseConnectionString,
            [$"ConnectionStrings:{ResourceNames.Messaging}"] = Infrastructure.RabbitMqConnectionString,
        };
        foreach (var (key, value) in Tokens.Settings)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in MoreSettings())
        {
            settings[key] = value;
        }

        Factory = new ServiceFactory<TProgram>(settings);

        // The bus connects in the background: the service is ready (its queue bound, /health 200) a little later.
        using var client = Factory.CreateClient();
        await Eventually.UntilAsync(
            async () => (await client.GetAsync("/health")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(60),
            $"{serviceName} reports its database and its bus healthy");
        await OnStartedAsync();
    }

    public async Task DisposeAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        await StopDependenciesAsync();
        await Infrastructure.DisposeAsync();
        if (Tokens is not null)
        {
            await Tokens.DisposeAsync();
        }
    }

    /// <summary>A client of the service sending <paramref name="accessToken"/> as a bearer token.</summary>
    public HttpClient CreateClient(string accessToken)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public async Task<T> QueryAsync<T>(Func<TDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return await query(db);
    }

    /// <summary>Other things the service needs (an SMTP sink…), started beside PostgreSQL and RabbitMQ.</summary>
    protected virtual Task StartDependenciesAsync() => Task.CompletedTask;

    protected virtual Task StopDependenciesAsync() => Task.CompletedTask;

    protected virtual IEnumerable<KeyValuePair<string, string>> MoreSettings() => [];

    protected virtual Task OnStartedAsync() => Task.CompletedTask;
}
