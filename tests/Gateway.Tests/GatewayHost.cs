using Nege.ServiceDefaults;
using Nege.Testing;

namespace Gateway.Tests;

/// <summary>
/// The gateway on real Kestrel at a free loopback port, in front of one stub per service and one for
/// the site, configured as the AppHost configures it (<c>services:&lt;name&gt;:http:0</c>).
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    /// <summary>Every resource the gateway forwards to: the API services and the site.</summary>
    public static readonly IReadOnlyList<string> Downstream = [.. ResourceNames.ApiServices, ResourceNames.Site];

    private readonly Dictionary<string, StubService> _stubs;

    private GatewayHost(Dictionary<string, StubService> stubs, ServiceFactory<Program> factory)
    {
        _stubs = stubs;
        Factory = factory;
        Client = factory.CreateClient();
    }

    public ServiceFactory<Program> Factory { get; }

    /// <summary>A client of the gateway's real address (redirects followed).</summary>
    public HttpClient Client { get; }

    public Uri Address => Client.BaseAddress!;

    public StubService this[string service] => _stubs[service];

    public IEnumerable<StubService> Stubs => _stubs.Values;

    public static async Task<GatewayHost> StartAsync(IReadOnlyDictionary<string, string>? gatewaySettings = null)
    {
        var stubs = new Dictionary<string, StubService>(StringComparer.Ordinal);
        ServiceFactory<Program>? factory = null;
        try
        {
            foreach (var stub in await Task.WhenAll(Downstream.Select(StubService.StartAsync)))
            {
                stubs[stub.Name] = stub;
            }

            var settings = stubs.Values.ToDictionary(stub => $"services:{stub.Name}:http:0", stub => stub.Address.ToString().TrimEnd('/'));
            foreach (var (key, value) in gatewaySettings ?? new Dictionary<string, string>())
            {
                settings[key] = value;
            }

            factory = new ServiceFactory<Program>(settings);
            factory.UseKestrel(0);
            factory.StartServer();
            return new GatewayHost(stubs, factory);
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

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        foreach (var stub in _stubs.Values)
        {
            await stub.DisposeAsync();
        }
    }
}
