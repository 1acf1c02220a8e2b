using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Nege.Site.Identity;
using Nege.Testing;

namespace Site.Tests;

/// <summary>
/// The site hosted in the test process, as the AppHost configures it, with a stub of what the
/// gateway serves it (Membership's OpenID Connect server and API, Candidates' and Billing's APIs) on a loopback port.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public const string ClientSecret = "site-test-secret";

    /// <summary>Address the site is called at: its cookies are Secure.</summary>
    public static readonly Uri SiteAddress = new("https://localhost");

    public StubIdentityServer Stub { get; private set; } = null!;

    public ServiceFactory<Program> Factory { get; private set; } = null!;

    /// <summary>The same site with a test-only door, <c>/test/connexion</c>, that logs a person in (see <see cref="SignInAsync"/>).</summary>
    public WebApplicationFactory<Program> WithTestLogin { get; private set; } = null!;

    /// <summary>PostgreSQL for the site's data-protection keys.</summary>
    public TestInfrastructure Infrastructure { get; } = new();

    public string DatabaseConnectionString { get; private set; } = "";

    public async Task<long> QueryKeysAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(DatabaseConnectionString);
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM data_protection_keys", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public async Task InitializeAsync()
    {
        await Infrastructure.InitializeAsync();
        var database = DatabaseConnectionString = await Infrastructure.CreateDatabaseAsync("site");
        Stub = await StubIdentityServer.StartAsync();
        Factory = new ServiceFactory<Program>(new Dictionary<string, string>
        {
            [$"ConnectionStrings:{Nege.ServiceDefaults.ResourceNames.SiteDatabase}"] = database,
            ["Identity:Issuer"] = Stub.Issuer,
            ["Identity:ClientId"] = "nege-site",
            ["Identity:ClientSecret"] = ClientSecret,
            ["services:membership:http:0"] = Stub.BaseAddress,
            ["services:candidates:http:0"] = Stub.BaseAddress,
            ["services:billing:http:0"] = Stub.BaseAddress,
            ["services:directory:http:0"] = Stub.BaseAddress,
            ["FORWARDEDHEADERS_ENABLED"] = "true",
        });
        _ = Factory.Server;
        WithTestLogin = Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IStartupFilter, TestLogin>()));
        _ = WithTestLogin.Server;
    }

    public async Task DisposeAsync()
    {
        await WithTestLogin.DisposeAsync();
        await Factory.DisposeAsync();
        await Stub.DisposeAsync();
        await Infrastructure.DisposeAsync();
    }

    /// <summary>A client that sees redirects and error statuses as they are.</summary>
    public HttpClient CreateClient() =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = SiteAddress });

    /// <summary>
    /// A client of the site logged in as a person with <paramref name="roles"/>, whose session holds
    /// <paramref name="accessToken"/> valid for <paramref name="expiresIn"/> and a refresh token.
    /// </summary>
    public async Task<HttpClient> SignInAsync(string name, string[] roles, string accessToken = "access-1",
        TimeSpan? expiresIn = null, string refreshToken = "refresh-1")
    {
        var client = WithTestLogin.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = SiteAddress });
        var query = new List<string>
        {
            "name=" + Uri.EscapeDataString(name),
            "access_token=" + Uri.EscapeDataString(accessToken),
            "refresh_token=" + Uri.EscapeDataString(refreshToken),
            "expires_in=" + (int)(expiresIn ?? TimeSpan.FromMinutes(15)).TotalSeconds,
        };
        query.AddRange(roles.Select(role => "role=" + Uri.EscapeDataString(role)));
        var response = await client.GetAsync("/test/connexion?" + string.Join('&', query));
        response.EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>Logs the person in as the OpenID Connect handler would after a successful login (claims, saved tokens).</summary>
    private sealed class TestLogin : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path != "/test/connexion")
                {
                    await nextMiddleware(context);
                    return;
                }

                var query = context.Request.Query;
                var identity = new ClaimsIdentity(
                    [
                        new Claim("sub", "account-1"),
                        new Claim("name", query["name"].ToString()),
                        new Claim("email", "personne@exemple.fr"),
                        .. query["role"].Select(role => new Claim("role", role!)),
                    ],
                    "test", "name", "role");
                var properties = new AuthenticationProperties();
                properties.StoreTokens(
                [
                    new AuthenticationToken { Name = "access_token", Value = query["access_token"].ToString() },
                    new AuthenticationToken { Name = "refresh_token", Value = query["refresh_token"].ToString() },
                    new AuthenticationToken { Name = "id_token", Value = "id-token-1" },
                    new AuthenticationToken
                    {
                        Name = "expires_at",
                        Value = DateTimeOffset.UtcNow.AddSeconds(int.Parse(query["expires_in"].ToString(), System.Globalization.CultureInfo.InvariantCulture))
                            .ToString("o", System.Globalization.CultureInfo.InvariantCulture),
                    },
                ]);
                await context.SignInAsync(SiteAuthentication.CookieScheme, new ClaimsPrincipal(identity), properties);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
            });
            next(app);
        };
    }
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "site";
}
