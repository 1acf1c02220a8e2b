using Nege.Testing;

namespace Site.Tests;

/// <summary>The site hosted in the test process, as the AppHost configures it (it needs nothing else).</summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public ServiceFactory<Program> Factory { get; } = new(new Dictionary<string, string>());

    public Task InitializeAsync()
    {
        _ = Factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>A client that sees redirects and error statuses as they are.</summary>
    public HttpClient CreateClient() =>
        Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "site";
}
