using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Nege.ServiceDefaults;

namespace Membership.Tests;

/// <summary>Outside Development the server's keys come from configured certificates, and it will not start without them.</summary>
[Collection(MembershipCollection.Name)]
public sealed class ServerCertificatesTests(MembershipService service) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nege-certs-").FullName;

    [Fact]
    public void Outside_Development_the_service_refuses_to_start_without_certificates()
    {
        using var factory = new ProductionFactory(Settings());

        var exception = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains("Identity__SigningCertificate__Path", Flatten(exception), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_Development_the_configured_signing_certificate_is_the_published_key()
    {
        var signing = Certificate("signing", X509KeyUsageFlags.DigitalSignature, out var thumbprint);
        var encryption = Certificate("encryption", X509KeyUsageFlags.KeyEncipherment, out _);
        var settings = Settings();
        settings["Identity:SigningCertificate:Path"] = signing;
        settings["Identity:SigningCertificate:Password"] = "mot-de-passe-du-certificat";
        settings["Identity:EncryptionCertificate:Path"] = encryption;
        settings["Identity:EncryptionCertificate:Password"] = "mot-de-passe-du-certificat";
        using var factory = new ProductionFactory(settings);
        using var client = factory.CreateClient();

        var keys = await client.GetFromJsonAsync<JsonElement>("/.well-known/jwks");

        var key = Assert.Single(keys.GetProperty("keys").EnumerateArray());
        Assert.Equal(thumbprint, key.GetProperty("kid").GetString());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Dictionary<string, string> Settings() => new()
    {
        [$"ConnectionStrings:{ResourceNames.MembershipDatabase}"] = service.DatabaseConnectionString,
        [$"ConnectionStrings:{ResourceNames.Messaging}"] = service.Infrastructure.RabbitMqConnectionString,
        ["Identity:Issuer"] = service.Tokens.Issuer,
        ["Identity:SiteClient:Secret"] = MembershipService.SiteClientSecret,
    };

    private string Certificate(string name, X509KeyUsageFlags usage, out string thumbprint)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=NEGE test {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        thumbprint = certificate.Thumbprint;
        var path = Path.Combine(_folder, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, "mot-de-passe-du-certificat"));
        return path;
    }

    private static string Flatten(Exception exception) =>
        exception.InnerException is null ? exception.Message : exception.Message + " " + Flatten(exception.InnerException);

    private sealed class ProductionFactory(Dictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
