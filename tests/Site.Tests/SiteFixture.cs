using Nege.Testing;

namespace Site.Tests;

/// <summary>
/// The site hosted in the test process, as the AppHost configures it. Its OpenID Connect client
/// settings point nowhere: anonymous pages never fetch the issuer's metadata.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public ServiceFactory<Program> Factory { get; } = new(new Dictionary<string, string>
    {
        ["Identity:Issuer"] = "http://127.0.0.1:9/",
        ["Identity:ClientId"] = "nege-site",
        ["Identity:ClientSecret"] = "site-test-secret",
    });

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
