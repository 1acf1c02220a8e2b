using Nege.ServiceDefaults;
using Nege.Testing;

namespace Gateway.Tests;

public sealed class StartupTests
{
    [Theory]
    [InlineData(ResourceNames.Membership)]
    [InlineData(ResourceNames.Billing)]
    [InlineData(ResourceNames.Directory)]
    [InlineData(ResourceNames.Candidates)]
    [InlineData(ResourceNames.Notifications)]
    [InlineData(ResourceNames.Site)]
    public void Startup_fails_naming_a_missing_service_address(string missing)
    {
        var settings = GatewayHost.Downstream
            .Where(name => name != missing)
            .ToDictionary(name => $"services:{name}:http:0", _ => "http://127.0.0.1:9");
        settings["Identity:Issuer"] = "http://127.0.0.1:9/";
        using var factory = new ServiceFactory<Program>(settings);

        var failure = Assert.Throws<InvalidOperationException>(() => factory.Server);

        Assert.Contains($"'services:{missing}:http:0'", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"services__{missing}__http__0", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_fails_naming_the_missing_token_issuer()
    {
        var settings = GatewayHost.Downstream.ToDictionary(name => $"services:{name}:http:0", _ => "http://127.0.0.1:9");
        using var factory = new ServiceFactory<Program>(settings);

        var failure = Assert.Throws<InvalidOperationException>(() => factory.Server);

        Assert.Contains("'Identity:Issuer'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Identity__Issuer", failure.Message, StringComparison.Ordinal);
    }
}
