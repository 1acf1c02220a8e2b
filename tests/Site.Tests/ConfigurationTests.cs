using Nege.Testing;

namespace Site.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public void The_site_does_not_start_without_its_client_secret_and_names_the_key()
    {
        using var factory = new ServiceFactory<Program>(new Dictionary<string, string>
        {
            ["ConnectionStrings:site-db"] = "Host=127.0.0.1;Port=9;Database=site",
            ["Identity:Issuer"] = "http://127.0.0.1:9/",
            ["services:membership:http:0"] = "http://127.0.0.1:9",
        });

        var error = Assert.ThrowsAny<Exception>(() => factory.Server);

        var missing = Assert.IsType<InvalidOperationException>(error.GetBaseException());
        Assert.Contains("Identity:ClientSecret", missing.Message, StringComparison.Ordinal);
        Assert.Contains("Identity__ClientSecret", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_site_does_not_start_without_its_database_and_names_the_key()
    {
        using var factory = new ServiceFactory<Program>(new Dictionary<string, string>
        {
            ["Identity:Issuer"] = "http://127.0.0.1:9/",
            ["Identity:ClientSecret"] = "secret",
            ["services:membership:http:0"] = "http://127.0.0.1:9",
        });

        var error = Assert.ThrowsAny<Exception>(() => factory.Server);

        var missing = Assert.IsType<InvalidOperationException>(error.GetBaseException());
        Assert.Contains("ConnectionStrings__site-db", missing.Message, StringComparison.Ordinal);
    }
}
