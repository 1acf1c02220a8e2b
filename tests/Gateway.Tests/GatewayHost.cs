using System.Net.Http.Headers;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Security;
using Nege.Testing;

namespace Gateway.Tests;

/// <summary>
/// The gateway on real Kestrel at a free loopback port, in front of one stub per service and one for
/// the site, configured as the AppHost configures it (<c>services:&lt;name&gt;:http:0</c>), trusting
/// a test token issuer (<c>Identity:Issuer</c>, <c>Identity:MetadataAddress</c>).
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    /// <summary>Every resource the gateway forwards to: the API services and the site.</summary>
    public static readonly IReadOnlyList<string> Downstream = [.. ResourceNames.ApiServices, ResourceNames.Site];

    private readonly Dictionary<string, StubService> _stubs;

    private readonly List<HttpClient> _clients = [];

    private GatewayHost(Dictionary<string, StubService> stubs, ServiceFactory<Program> factory, TestTokenIssuer tokens)
    {
        _stubs = stubs;
        Factory = factory;
        Tokens = tokens;
        Client = factory.CreateClient();
        SignedInClient = ClientWith(tokens.ForPerson([NegeRoles.Candidate]));
    }

    public ServiceFactory<Program> Factory { get; }

    /// <summary>The OpenID Connect server the gateway trusts.</summary>
    public TestTokenIssuer Tokens { get; }

    /// <summary>An anonymous client of the gateway's real address (redirects followed).</summary>
    public HttpClient Client { get; }

    /// <summary>A client sending a valid token of a person (role candidate) for every service.</summary>
    public HttpClient SignedInClient { get; }

    public Uri Address => Client.BaseAddress!;

    public StubService this[string service] => _stubs[service];

    public IEnumerable<StubService> Stubs => _stubs.Values;

    /// <summary>A client of the gateway sending <paramref name="accessToken"/> as a bearer token (disposed with the host).</summary>
    public HttpClient ClientWith(string accessToken)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        lock (_clients)
        {
            _clients.Add(client);
        }

        return client;
    }

    public static async Task<GatewayHost> StartAsync(IReadOnlyDictionary<string, string>? gatewaySettings = null)
    {
        var stubs = new Dictionary<string, StubService>(StringComparer.Ordinal);
        ServiceFactory<Program>? factory = null;
        TestTokenIssuer? tokens = null;
        try
        {
            tokens = await TestTokenIssuer.StartAsync();
            foreach (var stub in await Task.WhenAll(Downstream.Select(StubService.StartAsync)))
            {
                stubs[stub.Name] = stub;
            }

            var settings = stubs.Values.ToDictionary(stub => $"services:{stub.Name}:http:0", stub => stub.Address.ToString().TrimEnd('/'));
            foreach (var (key, value) in tokens.Settings)
            {
                settings[key] = value;
            }

            foreach (var (key, value) in gatewaySettings ?? new Dictionary<string, string>())
            {
                settings[key] = value;
            }

            // A free port through the app's own configuration: UseKestrel(0) rewrites the server's addresses after the
            // app has started Kestrel on its thread, and loses that race now and then (dotnet/aspnetcore#67714).
            settings["urls"] = "http://127.0.0.1:0";
            factory = new ServiceFactory<Program>(settings);
            factory.UseKestrel();
            factory.StartServer();
            return new GatewayHost(stubs, factory, tokens);
        }
        catch
        {
            if (factory is not null)
            {
                await factory.DisposeAsync();
            }

            foreach (var stub in stubs.Values)
            {
                await stub.DisposeAsync();
            }

            if (tokens is not null)
            {
                await tokens.DisposeAsync();
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        lock (_clients)
        {
            _clients.ForEach(client => client.Dispose());
        }

        await Factory.DisposeAsync();
        foreach (var stub in _stubs.Values)
        {
            await stub.DisposeAsync();
        }

        await Tokens.DisposeAsync();
    }
}
