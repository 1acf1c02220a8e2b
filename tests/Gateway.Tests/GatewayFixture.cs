using System.Globalization;

namespace Gateway.Tests;

/// <summary>One gateway and its stubs shared by the tests that leave them running as they found them.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public const long MaxRequestBodyBytes = 4096;
    public const int PublicWritePermitLimit = 3;

    /// <summary>Long enough that the window never turns over during a test run.</summary>
    public const int PublicWriteWindowSeconds = 3600;

    public GatewayHost Gateway { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Gateway = await GatewayHost.StartAsync(new Dictionary<string, string>
        {
            ["Gateway:MaxRequestBodyBytes"] = MaxRequestBodyBytes.ToString(CultureInfo.InvariantCulture),
            ["Gateway:PublicWriteRateLimit:PermitLimit"] = PublicWritePermitLimit.ToString(CultureInfo.InvariantCulture),
            ["Gateway:PublicWriteRateLimit:WindowSeconds"] = PublicWriteWindowSeconds.ToString(CultureInfo.InvariantCulture),
        });

    public async Task DisposeAsync() => await Gateway.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
